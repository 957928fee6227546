using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Directory;

/// <summary>
/// The words for specification keys and values: products and needs store machine keys (<c>pore_size_nm=35</c>, the
/// import format's and the API's), readers see "기공 크기 35 nm" / "Pore size 35 nm" and "예"/"Yes" for <c>yes</c>.
/// A key or value not listed reads as written (an import may bring its own), with underscores shown as spaces.
/// </summary>
public static class SpecificationTerms
{
    /// <summary>A key's name in Korean and English, and the unit its value is in (null when it has none).</summary>
    public sealed record Term(string Ko, string En, string? Unit);

    private static readonly Dictionary<string, Term> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["volume_l"] = new("용량", "Volume", "L"),
        ["volume_ml"] = new("용량", "Volume", "mL"),
        ["volume_ul"] = new("용량", "Volume", "µL"),
        ["sterilization"] = new("멸균 방법", "Sterilization", null),
        ["material"] = new("재질", "Material", null),
        ["bead_size_um"] = new("비드 크기", "Bead size", "µm"),
        ["film"] = new("필름", "Film", null),
        ["size_mm"] = new("크기", "Size", "mm"),
        ["size_in"] = new("크기", "Size", "inch"),
        ["format"] = new("형태", "Form", null),
        ["area_m2"] = new("여과 면적", "Filtration area", "m²"),
        ["area_cm2"] = new("배양 면적", "Growth area", "cm²"),
        ["membrane"] = new("멤브레인", "Membrane", null),
        ["ligand"] = new("리간드", "Ligand", null),
        ["animal_origin_free"] = new("동물 유래 성분 무함유", "Animal-origin free", null),
        ["type"] = new("유형", "Type", null),
        ["active"] = new("유효 성분", "Active ingredient", null),
        ["ph"] = new("pH", "pH", null),
        ["inner_diameter_mm"] = new("내경", "Inner diameter", "mm"),
        ["treated"] = new("표면 처리", "Surface treated", null),
        ["dynamic_binding_capacity_g_l"] = new("동적 결합 용량", "Dynamic binding capacity", "g/L"),
        ["filtered"] = new("필터 팁", "Filter tip", null),
        ["activity_u_ul"] = new("활성", "Activity", "U/µL"),
        ["pore_size_um"] = new("기공 크기", "Pore size", "µm"),
        ["pore_size_nm"] = new("기공 크기", "Pore size", "nm"),
        ["cure"] = new("경화 방식", "Cure", null),
        ["length_m"] = new("길이", "Length", "m"),
        ["barrel"] = new("배럴 재질", "Barrel", null),
        ["coating"] = new("코팅", "Coating", null),
        ["glass_type"] = new("유리 종류", "Glass type", null),
        ["grade"] = new("입도", "Grade", null),
        ["mwco_kda"] = new("분획 분자량", "MWCO", "kDa"),
        ["irradiated"] = new("감마선 조사", "Irradiated", null),
    };

    private static readonly Dictionary<string, (string Ko, string En)> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["yes"] = ("예", "Yes"),
        ["no"] = ("아니요", "No"),
        ["none"] = ("없음", "None"),
        ["gamma"] = ("감마선", "Gamma"),
        ["e-beam"] = ("전자빔", "E-beam"),
        ["autoclave"] = ("고압증기", "Autoclave"),
        ["powder"] = ("분말", "Powder"),
        ["liquid"] = ("액상", "Liquid"),
        ["neutral"] = ("중성", "Neutral"),
        ["acidic"] = ("산성", "Acidic"),
        ["alkaline"] = ("알칼리성", "Alkaline"),
        ["silicone"] = ("실리콘", "Silicone"),
        ["glass"] = ("유리", "Glass"),
        ["platinum"] = ("백금 경화", "Platinum"),
        ["peroxide"] = ("과산화물 경화", "Peroxide"),
        ["fluoropolymer"] = ("불소수지", "Fluoropolymer"),
        ["type I borosilicate"] = ("1종 붕규산", "Type I borosilicate"),
        ["type II"] = ("2종", "Type II"),
        ["fine"] = ("미세", "Fine"),
        ["medium"] = ("중간", "Medium"),
        ["coarse"] = ("굵음", "Coarse"),
        ["regenerated cellulose"] = ("재생 셀룰로스", "Regenerated cellulose"),
        ["multilayer PE/EVOH"] = ("다층 PE/EVOH", "Multilayer PE/EVOH"),
        ["quaternary ammonium"] = ("4급 암모늄", "Quaternary ammonium"),
        ["hydrogen peroxide"] = ("과산화수소", "Hydrogen peroxide"),
        ["IPA 70%"] = ("이소프로필알코올 70%", "IPA 70%"),
    };

    public static bool IsKnown(string key) => Keys.ContainsKey(key);

    /// <summary>Every name and value word in both languages: part of the search's vocabulary.</summary>
    public static IEnumerable<string> Words =>
        Keys.Values.SelectMany(t => new[] { t.Ko, t.En }).Concat(Values.Values.SelectMany(v => new[] { v.Ko, v.En }));

    /// <summary>The key's name in the reader's language ("기공 크기"); the unit goes with the value.</summary>
    public static string Name(string key) => Keys.TryGetValue(key, out var term) ? Language.Pick(term.Ko, term.En) : key.Replace('_', ' ');

    /// <summary>The value in the reader's language, with the key's unit after a number ("35 nm", "예").</summary>
    public static string Value(string key, string value) =>
        value.Length > 0 && char.IsAsciiDigit(value[0]) ? WithUnit(key, value) // 35, 0.45, 100x200
            : Values.TryGetValue(value.Trim(), out var word) ? Language.Pick(word.Ko, word.En) : value;

    /// <summary>A number or range of the key followed by its unit ("≤ 20 nm"); as given when the key has none.</summary>
    public static string WithUnit(string key, string amount) =>
        Keys.TryGetValue(key, out var term) && term.Unit is not null ? $"{amount} {term.Unit}" : amount;

    /// <summary>"기공 크기 35 nm": a key and its value as one phrase.</summary>
    public static string Phrase(string key, string value) => $"{Name(key)} {Value(key, value)}";
}
