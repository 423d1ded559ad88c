using System.Globalization;
using System.Text;

namespace CareReady.Core.Demo;

/// <summary>Names, employee numbers, work emails and professional registration numbers for demo staff.</summary>
internal sealed class DemoPersonDetails(Random rng)
{
    private readonly HashSet<int> employeeNumbers = [];
    private readonly Dictionary<string, int> emailCounts = new(StringComparer.Ordinal);
    private readonly double[] poolWeights = DemoNames.Pools.Select(p => p.Weight).ToArray();
    private static readonly char[] NmcCountryLetters = ['E', 'E', 'E', 'O', 'S', 'W', 'N'];

    public (string First, string Last) Name()
    {
        var pool = DemoNames.Pools[rng.PickIndex(poolWeights)];
        // Mostly a first name and surname from the same heritage, sometimes mixed.
        var firstPool = rng.Chance(0.85) ? pool : DemoNames.Pools[rng.PickIndex(poolWeights)];
        return (rng.Pick(firstPool.FirstNames), rng.Pick(pool.LastNames));
    }

    public string EmployeeNumber()
    {
        int n;
        do
        {
            n = rng.Next(10_000_000, 100_000_000);
        }
        while (!employeeNumbers.Add(n));

        return n.ToString(CultureInfo.InvariantCulture);
    }

    public string Email(string first, string last)
    {
        var local = EmailPart(first) + "." + EmailPart(last);
        var count = emailCounts.GetValueOrDefault(local) + 1;
        emailCounts[local] = count;
        return (count == 1 ? local : local + count.ToString(CultureInfo.InvariantCulture)) + "@" + DemoStructure.EmailDomain;
    }

    private static string EmailPart(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(ch) || ch == '-')
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }

        return sb.ToString();
    }

    public string RegistrationNumber(DemoJobRole role, DateOnly start)
    {
        char Letter() => (char)('A' + rng.Next(26));
        return role.Registration switch
        {
            // NMC PIN: year, month letter, four digits, country letter (e.g. 09I4567E).
            "NMC" => (start.Year % 100).ToString("00", CultureInfo.InvariantCulture) + Letter()
                + rng.Next(0, 10_000).ToString("0000", CultureInfo.InvariantCulture) + rng.Pick(NmcCountryLetters),
            "GMC" => rng.Next(6_000_000, 8_000_000).ToString(CultureInfo.InvariantCulture),
            _ => (role.HcpcPrefix ?? "HC") + rng.Next(10_000, 1_000_000).ToString("000000", CultureInfo.InvariantCulture),
        };
    }
}
