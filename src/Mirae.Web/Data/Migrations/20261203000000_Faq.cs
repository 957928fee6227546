using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mirae.Web.Data.Migrations;

/// <summary>Frequently asked questions (Features/Faq).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261203000000_Faq")]
public sealed class Faq : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "FaqEntries",
            columns: table => new
            {
                Id = table.Identity<int>(),
                Category = table.Column<string>(maxLength: 20, nullable: false),
                Position = table.Column<int>(nullable: false),
                QuestionKo = table.Column<string>(maxLength: 300, nullable: false),
                QuestionEn = table.Column<string>(maxLength: 300, nullable: false),
                AnswerKo = table.Column<string>(maxLength: 4000, nullable: false),
                AnswerEn = table.Column<string>(maxLength: 4000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_FaqEntries", x => x.Id));
        migrationBuilder.CreateIndex("IX_FaqEntries_Category_Position", "FaqEntries", ["Category", "Position"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("FaqEntries");
}
