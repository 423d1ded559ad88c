namespace CareReady.Core.Demo;

/// <summary>
/// A job role of the demo trust. <see cref="Tags"/> name the department tags it can be placed in;
/// <see cref="Registration"/> (NMC, GMC, HCPC) makes the holder a registered clinician.
/// </summary>
internal sealed record DemoJobRole(
    string Group,
    string Title,
    string[] Bands,
    double Weight,
    string[] Tags,
    bool PatientContact,
    string? Registration = null,
    string? HcpcPrefix = null,
    double MaxTenureYears = 25,
    string? PromotedFrom = null,
    string? PromotedFromBand = null);

/// <summary>Staff-group shares and job roles, in realistic NHS acute-trust proportions.</summary>
internal static class DemoJobRoles
{
    /// <summary>Share of head-count per staff group (NHS acute trust, roughly).</summary>
    public static readonly (string Group, double Share)[] GroupShares =
    [
        ("NMR", 0.26), ("ACS", 0.22), ("AC", 0.20), ("MD", 0.11), ("AHP", 0.07),
        ("EA", 0.07), ("APST", 0.04), ("HS", 0.02), ("STU", 0.01),
    ];

    private static readonly string[] NursingAreas = ["adult-ward", "ed", "critical", "theatre"];
    private static readonly string[] WardSupport = ["adult-ward", "ed", "critical"];
    private static readonly string[] AllDoctors = ["doctors", "pathologists", "radiologists"];
    private static readonly string[] Offices = ["office", "division", "estates-office", "hr", "finance", "digital", "patient-access", "education"];

    public static readonly DemoJobRole[] All =
    [
        // Nursing and Midwifery Registered
        new("NMR", "Staff Nurse", ["Band 5"], 40, NursingAreas, true, "NMC"),
        new("NMR", "Senior Staff Nurse", ["Band 6"], 16, NursingAreas, true, "NMC", PromotedFrom: "Staff Nurse", PromotedFromBand: "Band 5"),
        new("NMR", "Children's Staff Nurse", ["Band 5"], 6, ["paeds", "neonatal"], true, "NMC"),
        new("NMR", "Senior Children's Staff Nurse", ["Band 6"], 3, ["paeds", "neonatal"], true, "NMC", PromotedFrom: "Children's Staff Nurse", PromotedFromBand: "Band 5"),
        new("NMR", "Midwife", ["Band 5", "Band 6", "Band 6", "Band 6"], 12, ["maternity"], true, "NMC"),
        new("NMR", "Senior Midwife", ["Band 7"], 2, ["maternity"], true, "NMC", PromotedFrom: "Midwife", PromotedFromBand: "Band 6"),
        new("NMR", "Clinical Nurse Specialist", ["Band 7"], 4, ["cns"], true, "NMC"),
        new("NMR", "Advanced Clinical Practitioner", ["Band 8a"], 2, ["ed", "critical", "adult-ward"], true, "NMC"),
        new("NMR", "Outpatient Staff Nurse", ["Band 5"], 2, ["outpatients"], true, "NMC"),
        new("NMR", "Mental Health Liaison Nurse", ["Band 6"], 1, ["ed"], true, "NMC"),

        // Additional Clinical Services
        new("ACS", "Healthcare Assistant", ["Band 2"], 25, WardSupport, true),
        new("ACS", "Senior Healthcare Assistant", ["Band 3"], 18, WardSupport, true, PromotedFrom: "Healthcare Assistant", PromotedFromBand: "Band 2"),
        new("ACS", "Assistant Practitioner", ["Band 4"], 4, ["adult-ward", "ed"], true),
        new("ACS", "Maternity Support Worker", ["Band 3"], 5, ["maternity"], true),
        new("ACS", "Nursery Nurse", ["Band 4"], 3, ["paeds", "neonatal"], true),
        new("ACS", "Children's Healthcare Assistant", ["Band 3"], 3, ["paeds"], true),
        new("ACS", "Theatre Support Worker", ["Band 3"], 6, ["theatre"], true),
        new("ACS", "Phlebotomist", ["Band 3"], 5, ["phlebotomy"], true),
        new("ACS", "Therapy Assistant", ["Band 3"], 5, ["physio", "ot", "rehab"], true),
        new("ACS", "Imaging Assistant", ["Band 3"], 2, ["imaging"], true),
        new("ACS", "Ward Housekeeper", ["Band 2"], 4, ["adult-ward"], true),
        new("ACS", "Clinical Support Worker", ["Band 2"], 3, ["outpatients"], true),

        // Administrative and Clerical
        new("AC", "Ward Clerk", ["Band 2"], 10, ["adult-ward", "critical", "paeds", "maternity", "neonatal"], true),
        new("AC", "Receptionist", ["Band 2"], 7, ["ed", "outpatients", "imaging", "physio"], true),
        new("AC", "Medical Secretary", ["Band 4"], 14, AllDoctors, false),
        new("AC", "Administrator", ["Band 3"], 12, Offices, false),
        new("AC", "Patient Access Coordinator", ["Band 3"], 10, ["patient-access"], false),
        new("AC", "Health Records Officer", ["Band 2"], 6, ["patient-access"], false),
        new("AC", "Clinical Coder", ["Band 4"], 4, ["patient-access"], false),
        new("AC", "Team Leader", ["Band 5"], 4, ["patient-access", "finance", "hr"], false),
        new("AC", "HR Advisor", ["Band 5"], 4, ["hr"], false),
        new("AC", "HR Business Partner", ["Band 7"], 1, ["hr"], false),
        new("AC", "Finance Officer", ["Band 5"], 4, ["finance"], false),
        new("AC", "Management Accountant", ["Band 7"], 1, ["finance"], false),
        new("AC", "Procurement Officer", ["Band 5"], 2, ["finance"], false),
        new("AC", "IT Service Desk Analyst", ["Band 4"], 4, ["digital"], false),
        new("AC", "Digital Systems Analyst", ["Band 6"], 3, ["digital"], false),
        new("AC", "Information Governance Officer", ["Band 5"], 1, ["digital"], false),
        new("AC", "Service Manager", ["Band 8a"], 3, ["division"], false),
        new("AC", "General Manager", ["Band 8b"], 1, ["division"], false),
        new("AC", "Learning and Development Administrator", ["Band 3"], 2, ["education"], false),
        new("AC", "Switchboard Operator", ["Band 2"], 2, ["estates-office"], false),

        // Medical and Dental
        new("MD", "Consultant", ["Consultant"], 30, AllDoctors, true, "GMC"),
        new("MD", "Specialty Doctor", ["Specialty Doctor"], 9, ["doctors"], true, "GMC"),
        new("MD", "Specialty Registrar", ["ST3", "ST4", "ST5", "ST6", "ST7", "ST8"], 22, AllDoctors, true, "GMC", MaxTenureYears: 5),
        new("MD", "Core Trainee", ["CT1", "CT2"], 10, ["doctors"], true, "GMC", MaxTenureYears: 2),
        new("MD", "Foundation Year 2", ["FY2"], 8, ["doctors"], true, "GMC", MaxTenureYears: 1),
        new("MD", "Foundation Year 1", ["FY1"], 8, ["doctors"], true, "GMC", MaxTenureYears: 1),
        new("MD", "Clinical Fellow", ["Clinical Fellow"], 6, ["doctors"], true, "GMC", MaxTenureYears: 3),

        // Allied Health Professionals
        new("AHP", "Physiotherapist", ["Band 5", "Band 6", "Band 6", "Band 7"], 25, ["physio", "critical"], true, "HCPC", "PH"),
        new("AHP", "Occupational Therapist", ["Band 5", "Band 6", "Band 7"], 15, ["ot", "rehab"], true, "HCPC", "OT"),
        new("AHP", "Diagnostic Radiographer", ["Band 5", "Band 6", "Band 6", "Band 7"], 22, ["imaging"], true, "HCPC", "RA"),
        new("AHP", "Sonographer", ["Band 7"], 5, ["imaging"], true, "HCPC", "RA"),
        new("AHP", "Operating Department Practitioner", ["Band 5", "Band 6"], 15, ["theatre"], true, "HCPC", "ODP"),
        new("AHP", "Speech and Language Therapist", ["Band 6", "Band 7"], 4, ["therapy"], true, "HCPC", "SL"),
        new("AHP", "Dietitian", ["Band 5", "Band 6"], 5, ["therapy"], true, "HCPC", "DT"),
        new("AHP", "Paramedic", ["Band 6"], 3, ["ed"], true, "HCPC", "PA"),
        new("AHP", "Paediatric Physiotherapist", ["Band 6"], 2, ["paeds"], true, "HCPC", "PH"),

        // Estates and Ancillary
        new("EA", "Porter", ["Band 2"], 30, ["portering"], true),
        new("EA", "Portering Supervisor", ["Band 3"], 4, ["portering"], true, PromotedFrom: "Porter", PromotedFromBand: "Band 2"),
        new("EA", "Domestic Assistant", ["Band 2"], 30, ["domestic"], false),
        new("EA", "Domestic Supervisor", ["Band 3"], 3, ["domestic"], false),
        new("EA", "Catering Assistant", ["Band 2"], 12, ["catering"], false),
        new("EA", "Chef", ["Band 3"], 3, ["catering"], false),
        new("EA", "Electrician", ["Band 4"], 4, ["estates"], false),
        new("EA", "Estates Maintenance Technician", ["Band 4"], 6, ["estates"], false),
        new("EA", "Security Officer", ["Band 3"], 5, ["estates-office"], true),
        new("EA", "Estates Officer", ["Band 6"], 2, ["estates-office"], false),

        // Add Prof Scientific and Technic
        new("APST", "Pharmacist", ["Band 6", "Band 7", "Band 7"], 20, ["pharmacy"], true),
        new("APST", "Senior Pharmacist", ["Band 8a"], 6, ["pharmacy"], true),
        new("APST", "Pharmacy Technician", ["Band 5"], 18, ["pharmacy"], true),
        new("APST", "Pharmacy Assistant", ["Band 3"], 12, ["pharmacy"], false),
        new("APST", "Clinical Psychologist", ["Band 8a"], 5, ["therapy", "paeds"], true),
        new("APST", "Assistant Psychologist", ["Band 5"], 3, ["therapy"], true),

        // Healthcare Scientists
        new("HS", "Biomedical Scientist", ["Band 6"], 30, ["lab"], false, "HCPC", "BS"),
        new("HS", "Senior Biomedical Scientist", ["Band 7"], 10, ["lab"], false, "HCPC", "BS", PromotedFrom: "Biomedical Scientist", PromotedFromBand: "Band 6"),
        new("HS", "Clinical Scientist", ["Band 7", "Band 8a"], 6, ["lab", "medical-physics"], false, "HCPC", "CS"),
        new("HS", "Medical Laboratory Assistant", ["Band 2", "Band 3"], 25, ["lab"], false),
        new("HS", "Cardiac Physiologist", ["Band 5", "Band 6"], 12, ["cardiac"], true),
        new("HS", "Respiratory Physiologist", ["Band 6"], 4, ["physiology"], true),

        // Students
        new("STU", "Student Nurse", ["Student"], 60, ["adult-ward", "ed"], true, MaxTenureYears: 3),
        new("STU", "Student Midwife", ["Student"], 20, ["maternity"], true, MaxTenureYears: 3),
        new("STU", "Nursing Degree Apprentice", ["Band 3"], 15, ["adult-ward"], true, MaxTenureYears: 4),
        new("STU", "Student Operating Department Practitioner", ["Student"], 5, ["theatre"], true, MaxTenureYears: 3),
    ];

    // Fixed posts, created once each regardless of the random draw.
    public static readonly DemoJobRole WardManager = new("NMR", "Ward Manager", ["Band 7"], 0, [], true, "NMC", PromotedFrom: "Senior Staff Nurse", PromotedFromBand: "Band 6");
    public static readonly DemoJobRole TheatreManager = new("NMR", "Theatre Manager", ["Band 7"], 0, [], true, "NMC");
    public static readonly DemoJobRole MidwiferyManager = new("NMR", "Midwifery Manager", ["Band 7"], 0, [], true, "NMC");
    public static readonly DemoJobRole Matron = new("NMR", "Matron", ["Band 8a"], 0, [], true, "NMC");
    public static readonly DemoJobRole ClinicalEducator = new("NMR", "Clinical Practice Educator", ["Band 7"], 0, [], true, "NMC");
    public static readonly DemoJobRole TrainingLead = new("AC", "Statutory and Mandatory Training Lead", ["Band 7"], 0, [], false);
    public static readonly DemoJobRole LearningSystemsAdmin = new("AC", "Learning Systems Administrator", ["Band 5"], 0, [], false);

    /// <summary>Ward tags that get a ward manager, and the title it has.</summary>
    public static DemoJobRole? ManagerFor(string[] tags) =>
        tags.Contains("theatre") ? TheatreManager
        : tags.Contains("maternity") ? MidwiferyManager
        : tags.Any(t => t is "adult-ward" or "ed" or "critical" or "paeds" or "neonatal") ? WardManager
        : null;
}
