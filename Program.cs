using System.Diagnostics;
using System.Text;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using CareReady.Core.Workforce.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

var conn = new SqliteConnection("Data Source=:memory:");
conn.Open();
var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(conn).Options;
using (var db = new AppDbContext(options))
{
    db.Database.EnsureCreated();
    await ReferenceDataSeeder.SeedAsync(db);
    db.Organisations.Add(new Organisation { Code = "RXX", Name = "Test" });
    db.Organisations.Add(new Organisation { Code = "RYY", Name = "Other" });
    await db.SaveChangesAsync();
    db.Departments.Add(new Department { OrganisationId = 1, Code = "WARD-7A", Name = "Ward 7A" });
    db.Departments.Add(new Department { OrganisationId = 1, Code = "ICU", Name = "ICU" });
    db.Departments.Add(new Department { OrganisationId = 2, Code = "OTHER", Name = "Other" });
    await db.SaveChangesAsync();
}
var time = TimeProvider.System;
async Task<StaffImportResult> Run(string csv, int org = 1)
{
    using var db = new AppDbContext(options);
    var r = await new ImportStaff(db, time).RunAsync(org, new MemoryStream(Encoding.UTF8.GetBytes(csv)));
    Console.WriteLine($"Applied={r.Applied} P+{r.PeopleCreated} P~{r.PeopleUpdated} P={r.PeopleUnchanged} | Pos+{r.PositionsCreated} Pos~{r.PositionsUpdated} Pos={r.PositionsUnchanged} PosEnd={r.PositionsEnded}");
    foreach (var e in r.Errors.Take(5)) Console.WriteLine("  " + e);
    return r;
}
void Dump()
{
    using var db = new AppDbContext(options);
    foreach (var s in db.Staff.Include(s => s.Positions).OrderBy(s => s.Id).Take(5))
    {
        Console.WriteLine($"  {s.OrganisationId} {s.EmployeeNumber} {s.FirstName} {s.LastName} leave={s.LeavingDate} reg={s.RegistrationBody}/{s.RegistrationNumber}");
        foreach (var p in s.Positions) Console.WriteLine($"     {p.OrganisationId} {p.AssignmentNumber} {p.StaffGroupCode} {p.JobRole} {p.DepartmentId} {p.StartDate}-{p.EndDate}");
    }
}
var H = StaffCsvFormat.HeaderLine;
var f1 = H + "\n" +
 "1001,1001,Amina,Okafor,a@nhs.net,2019-09-02,,NMC,12A3456E,NMR,Staff Nurse,Band 5,WARD-7A,Y,N,Y,2019-09-02,\n" +
 "1001,1001-2,Amina,Okafor,a@nhs.net,2019-09-02,,NMC,12A3456E,Nursing and Midwifery Registered,Bank Nurse,Band 5,icu,Y,N,Y,2020-01-01,\n" +
 "1002,1002,Sam,Jones,s@nhs.net,02/09/2019,,,,AC,Clerk,Band 3,ICU,N,N,N,02/09/2019,\n";
Console.WriteLine("first import"); await Run(f1); Dump();
Console.WriteLine("re-import"); await Run(f1);
var f2 = f1.Replace("Clerk,Band 3", "Senior Clerk,Band 4").Replace("1001,1001-2,Amina,Okafor,a@nhs.net,2019-09-02,", "1001,1001-2,Amina,Okafor,a@nhs.net,2019-09-02,");
Console.WriteLine("update Sam's role"); await Run(f2); Dump();
// Leaver: Amina leaves 2025-03-31, only first position listed
var f3 = H + "\n1001,1001,Amina,Okafor,a@nhs.net,2019-09-02,2025-03-31,NMC,12A3456E,NMR,Staff Nurse,Band 5,WARD-7A,Y,N,Y,2019-09-02,\n";
Console.WriteLine("leaver (partial file)"); await Run(f3); Dump();
Console.WriteLine("leaver re-import"); await Run(f3);
Console.WriteLine("assignment of other employee"); await Run(H + "\n1003,1001-2,X,Y,x@nhs.net,2019-09-02,,,,AC,Clerk,Band 3,ICU,N,N,N,2019-09-02,\n");
Console.WriteLine("other org, same numbers"); await Run(H + "\n1001,1001,X,Y,x@nhs.net,2019-09-02,,,,AC,Clerk,Band 3,OTHER,N,N,N,2019-09-02,\n", 2); Dump();
Console.WriteLine("partial columns (no leaving col) keeps leaving date");
var req = string.Join(",", StaffCsvFormat.Columns.Where(c => c.Required).Select(c => c.Header));
await Run(req + "\n1001,1001,Amina,Okafor,a@nhs.net,2019-09-02,NMR,Staff Nurse,Band 5,WARD-7A,Y,N,Y,2019-09-02\n"); Dump();

// scale
var sb = new StringBuilder(H + "\n");
for (var i = 0; i < 20000; i++)
{
    var emp = (20000000 + i).ToString();
    sb.Append($"{emp},{emp},First{i},Last{i},p{i}@nhs.net,2015-01-01,,NMC,N{i},NMR,Staff Nurse,Band 5,WARD-7A,Y,N,Y,2015-01-01,\n");
}
var big = sb.ToString();
var sw = Stopwatch.StartNew();
await Run(big); Console.WriteLine($"20k create: {sw.ElapsedMilliseconds} ms"); sw.Restart();
await Run(big); Console.WriteLine($"20k unchanged: {sw.ElapsedMilliseconds} ms"); sw.Restart();
await Run(big.Replace("Band 5", "Band 6")); Console.WriteLine($"20k update: {sw.ElapsedMilliseconds} ms"); sw.Restart();
