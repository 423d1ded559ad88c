using System.Globalization;
using System.Text;

namespace CareReady.Core.Demo;

/// <param name="Seed">Seed of the generator: the same seed and day give the same organisation.</param>
/// <param name="StaffCount">Number of staff records to generate (leavers included).</param>
/// <param name="Today">The day the history runs up to.</param>
/// <param name="Password">Password of the demo sign-in accounts.</param>
public sealed record DemoOptions(int Seed, int StaffCount, DateOnly Today, string Password)
{
    /// <summary>The defaults the web app's first run and <c>careready seed demo</c> share (README, "Demo accounts").</summary>
    public const int DefaultSeed = 20261127;
    public const int DefaultStaffCount = 6000;
    public const string DefaultPassword = "CareReady-demo-2026";
}

/// <summary>A demo sign-in account and the staff record behind it.</summary>
public sealed record DemoAccount(string Email, string Role, string DisplayName, string JobRole, string Department);

/// <summary>One timed step of the seed, for diagnostics.</summary>
public sealed record DemoSeedStep(string Name, TimeSpan Elapsed);

public sealed record DemoSeedResult(
    bool Created,
    string Message,
    int OrganisationId,
    int Sites,
    int Departments,
    int Staff,
    int Positions,
    int Rules,
    int Completions,
    IReadOnlyList<DemoAccount> Accounts,
    IReadOnlyList<DemoSeedStep> Steps,
    TimeSpan Elapsed)
{
    public override string ToString()
    {
        var text = new StringBuilder(Message);
        if (Created)
        {
            text.AppendLine()
                .Append(CultureInfo.InvariantCulture, $"{Sites} sites, {Departments} departments, {Staff} staff, {Positions} positions, {Rules} rules, {Completions} completions in {Elapsed.TotalSeconds:0.0} s.");
            foreach (var a in Accounts)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {a.Email,-32} {a.Role,-15} {a.DisplayName} — {a.JobRole}, {a.Department}");
            }
        }

        return text.ToString();
    }
}
