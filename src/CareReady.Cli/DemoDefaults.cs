namespace CareReady.Cli;

/// <summary>Same defaults as the web app's first-run demo (see README, "Demo accounts").</summary>
public static class DemoDefaults
{
    public const int Seed = 20261127;
    public const int StaffCount = 6000;
    public const string Password = "CareReady-demo-2026";
}
