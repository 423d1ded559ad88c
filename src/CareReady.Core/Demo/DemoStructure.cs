using CareReady.Core.Workforce;

namespace CareReady.Core.Demo;

/// <summary>One node of the demo department tree: where it sits, what kind of work happens there (tags) and its relative size.</summary>
internal sealed record DemoDepartmentSpec(string Code, string Name, DepartmentKind Kind, string? Parent, string? Site, string[] Tags, double Size = 1.0);

/// <summary>
/// The fixed shape of the fictional Thameside University Hospitals NHS Foundation Trust: three sites and
/// a division → department → ward tree. Tags say which job roles work there (see <see cref="DemoJobRoles"/>);
/// "children" marks places where clinical staff work with children.
/// </summary>
internal static class DemoStructure
{
    public const string OrganisationCode = "RZZ";
    public const string OrganisationName = "Thameside University Hospitals NHS Foundation Trust";
    public const string EmailDomain = "thameside.nhs.example";

    /// <summary>The acute subtree (the Resuscitation level 3 rule applies to registered clinicians here).</summary>
    public const string AcuteDivision = "DIV-MED";

    /// <summary>Departments whose training is generated to be clearly behind the rest of the trust.</summary>
    public static readonly string[] Lagging = ["ED-MAJORS", "WARD-5B", "PORTERING"];

    /// <summary>Where the demo learner works: a medical ward, inside the manager's department.</summary>
    public const string LearnerWard = "WARD-7A";

    /// <summary>The department the demo manager (its matron) looks after: three wards below it.</summary>
    public const string ManagerDepartment = "ACUTE-MED";

    public const string EducationDepartment = "EDUCATION";

    public static readonly (string Code, string Name)[] Sites =
    [
        ("TUH", "Thameside University Hospital"),
        ("GWH", "Greenwater Hospital"),
        ("MCH", "Marshfield Community Hospital"),
    ];

    private const DepartmentKind Div = DepartmentKind.Division;
    private const DepartmentKind Dept = DepartmentKind.Department;
    private const DepartmentKind Ward = DepartmentKind.Ward;

    public static readonly DemoDepartmentSpec[] Departments =
    [
        // --- Medicine & Emergency (the acute subtree) ---
        new("DIV-MED", "Medicine & Emergency", Div, null, null, ["division"]),
        new("ED", "Emergency Department", Dept, "DIV-MED", "TUH", ["doctors", "office", "children"], 1.2),
        new("ED-MAJORS", "ED Majors", Ward, "ED", "TUH", ["ed", "children"], 2.2),
        new("UTC-GWH", "Urgent Treatment Centre (Greenwater)", Ward, "ED", "GWH", ["ed", "children"], 0.9),
        new("ACUTE-MED", "Acute Medicine", Dept, "DIV-MED", "TUH", ["doctors", "office", "cns", "physiology"]),
        new("WARD-AMU", "Acute Medical Unit", Ward, "ACUTE-MED", "TUH", ["adult-ward"], 1.4),
        new("WARD-7A", "Ward 7A (Respiratory)", Ward, "ACUTE-MED", "TUH", ["adult-ward"]),
        new("WARD-7B", "Ward 7B (Gastroenterology)", Ward, "ACUTE-MED", "TUH", ["adult-ward"]),
        new("CARDIOLOGY", "Cardiology", Dept, "DIV-MED", "TUH", ["doctors", "office", "cns", "cardiac"]),
        new("WARD-CCU", "Coronary Care Unit", Ward, "CARDIOLOGY", "TUH", ["critical"], 0.8),
        new("WARD-8A", "Ward 8A (Cardiology)", Ward, "CARDIOLOGY", "TUH", ["adult-ward"]),
        new("ELDERLY", "Elderly Care", Dept, "DIV-MED", "GWH", ["doctors", "office", "cns"]),
        new("WARD-ASH", "Ash Ward (Frailty)", Ward, "ELDERLY", "GWH", ["adult-ward"]),
        new("WARD-BIRCH", "Birch Ward (Stroke)", Ward, "ELDERLY", "GWH", ["adult-ward"]),
        new("WARD-CEDAR", "Cedar Ward (General Medicine)", Ward, "ELDERLY", "GWH", ["adult-ward"]),
        new("CRIT-CARE", "Critical Care", Dept, "DIV-MED", "TUH", ["doctors", "office"], 0.8),
        new("ICU", "Intensive Care Unit", Ward, "CRIT-CARE", "TUH", ["critical"], 1.6),

        // --- Surgery ---
        new("DIV-SURG", "Surgery", Div, null, null, ["division"]),
        new("GEN-SURG", "General Surgery", Dept, "DIV-SURG", "TUH", ["doctors", "office", "cns"]),
        new("WARD-5A", "Ward 5A (Colorectal Surgery)", Ward, "GEN-SURG", "TUH", ["adult-ward"]),
        new("WARD-5B", "Ward 5B (Upper GI Surgery)", Ward, "GEN-SURG", "TUH", ["adult-ward"]),
        new("TRAUMA-ORTH", "Trauma & Orthopaedics", Dept, "DIV-SURG", "GWH", ["doctors", "office"]),
        new("WARD-OAK", "Oak Ward (Trauma)", Ward, "TRAUMA-ORTH", "GWH", ["adult-ward"]),
        new("WARD-ELM", "Elm Ward (Elective Orthopaedics)", Ward, "TRAUMA-ORTH", "GWH", ["adult-ward"]),
        new("THEATRES", "Theatres & Anaesthetics", Dept, "DIV-SURG", "TUH", ["doctors", "office"], 1.2),
        new("THEATRES-N", "Main Theatres North", Ward, "THEATRES", "TUH", ["theatre"], 1.7),
        new("THEATRES-GWH", "Greenwater Theatres & Day Surgery", Ward, "THEATRES", "GWH", ["theatre"], 1.1),

        // --- Women's & Children's ---
        new("DIV-WAC", "Women's & Children's", Div, null, null, ["division"]),
        new("MATERNITY", "Maternity", Dept, "DIV-WAC", "TUH", ["doctors", "office", "children"]),
        new("LABOUR-WARD", "Delivery Suite", Ward, "MATERNITY", "TUH", ["maternity", "children"], 1.6),
        new("WARD-WILLOW", "Willow Ward (Postnatal)", Ward, "MATERNITY", "TUH", ["maternity", "children"]),
        new("NEONATAL", "Neonatal Services", Dept, "DIV-WAC", "TUH", ["doctors", "office", "children"], 0.6),
        new("NICU", "Neonatal Intensive Care Unit", Ward, "NEONATAL", "TUH", ["neonatal", "children"], 1.2),
        new("PAEDS", "Paediatrics", Dept, "DIV-WAC", "TUH", ["doctors", "office", "cns", "children"]),
        new("WARD-RAINBOW", "Rainbow Ward (Children's)", Ward, "PAEDS", "TUH", ["paeds", "children"]),
        new("PAED-ED", "Children's Emergency Department", Ward, "PAEDS", "TUH", ["paeds", "children"], 0.8),

        // --- Clinical Support ---
        new("DIV-CSS", "Clinical Support", Div, null, null, ["division"]),
        new("PATHOLOGY", "Pathology", Dept, "DIV-CSS", "TUH", ["pathologists", "office", "phlebotomy"]),
        new("LAB-BLOOD", "Blood Sciences", Ward, "PATHOLOGY", "TUH", ["lab"], 1.5),
        new("LAB-MICRO", "Microbiology", Ward, "PATHOLOGY", "TUH", ["lab"]),
        new("LAB-CELLPATH", "Cellular Pathology", Ward, "PATHOLOGY", "TUH", ["lab"], 0.8),
        new("RADIOLOGY", "Radiology", Dept, "DIV-CSS", "TUH", ["radiologists", "office", "medical-physics"]),
        new("IMAGING-TUH", "Imaging (Thameside)", Ward, "RADIOLOGY", "TUH", ["imaging"], 1.4),
        new("IMAGING-GWH", "Imaging (Greenwater)", Ward, "RADIOLOGY", "GWH", ["imaging"]),
        new("PHARMACY", "Pharmacy", Dept, "DIV-CSS", "TUH", ["pharmacy", "office"]),
        new("THERAPIES", "Therapies", Dept, "DIV-CSS", "TUH", ["therapy", "office"]),
        new("PHYSIO", "Physiotherapy", Ward, "THERAPIES", "TUH", ["physio"]),
        new("OCC-THERAPY", "Occupational Therapy", Ward, "THERAPIES", "GWH", ["ot"]),
        new("COMMUNITY", "Community & Rehabilitation", Dept, "DIV-CSS", "MCH", ["doctors", "office"], 0.5),
        new("WARD-MARSH", "Marsh Ward (Rehabilitation)", Ward, "COMMUNITY", "MCH", ["adult-ward", "rehab"]),
        new("OUTPATIENTS-MCH", "Outpatients (Marshfield)", Ward, "COMMUNITY", "MCH", ["outpatients", "phlebotomy"]),

        // --- Corporate & Estates ---
        new("DIV-CORP", "Corporate & Estates", Div, null, null, ["division"]),
        new("ESTATES", "Estates & Facilities", Dept, "DIV-CORP", "TUH", ["estates-office"]),
        new("PORTERING", "Portering", Ward, "ESTATES", "TUH", ["portering"]),
        new("DOMESTIC", "Domestic Services", Ward, "ESTATES", "TUH", ["domestic"]),
        new("CATERING", "Catering", Ward, "ESTATES", "GWH", ["catering"]),
        new("ESTATES-MAINT", "Estates Maintenance", Ward, "ESTATES", "TUH", ["estates"]),
        new("HR", "Workforce & Organisational Development", Dept, "DIV-CORP", "TUH", ["hr"]),
        new("FINANCE", "Finance & Procurement", Dept, "DIV-CORP", "TUH", ["finance"]),
        new("DIGITAL", "Digital Services", Dept, "DIV-CORP", "TUH", ["digital"]),
        new("PATIENT-ACCESS", "Patient Access & Health Records", Dept, "DIV-CORP", "GWH", ["patient-access"]),
        new("EDUCATION", "Education & Training", Dept, "DIV-CORP", "TUH", ["education"]),
    ];
}
