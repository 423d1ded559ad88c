using CareReady.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CareReady.Web.Tests.Infrastructure;

/// <summary>
/// The real web app (Program) on its own fresh database, with a clock that tests control.
/// Dispose it at the end of the test: that also drops its database, unless the test asked to keep it.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    /// <summary>The day every test stands on unless it moves the clock.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private bool _ownsDatabase;

    private TestApp(DatabaseOptions database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Database = database;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    public DatabaseOptions Database { get; }
    public FakeTimeProvider Clock { get; } = new(DefaultNow);
    public TestData Data { get; private set; } = null!;

    /// <summary>The address of the real (Kestrel) server, when started with <c>realServer: true</c>.</summary>
    public Uri? BaseUrl { get; private set; }

    /// <param name="provider">Which database.</param>
    /// <param name="seed">Load <see cref="TestData"/>.</param>
    /// <param name="realServer">Listen on a loopback port with Kestrel (for a real browser) instead of the in-memory test server.</param>
    /// <param name="settings">Extra configuration (e.g. <c>Email:Host</c>); the daily notification job is off unless a test turns it on.</param>
    /// <param name="keepDatabase">Leave the database when this app is disposed (a test that restarts on it drops it with <see cref="TestDatabases.DropAsync"/>).</param>
    public static async Task<TestApp> StartAsync(DatabaseProvider provider, bool seed = true, bool realServer = false, IReadOnlyDictionary<string, string?>? settings = null, bool keepDatabase = false)
    {
        var app = new TestApp(await TestDatabases.CreateAsync(provider), settings) { _ownsDatabase = !keepDatabase };
        if (realServer)
        {
            app.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
            app.StartServer();
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
            app.BaseUrl = new Uri(addresses.First());
        }
        else
        {
            _ = app.Server; // build the host: migrations and reference data run at start-up
        }

        app.Data = new TestData(app);
        if (seed)
        {
            await app.Data.SeedAsync();
        }

        return app;
    }

    /// <summary>A new host on an existing test app's database, as after a restart (no seeding; <see cref="Data"/> is not loaded).</summary>
    public static TestApp Restart(DatabaseOptions database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new TestApp(database, settings);
        _ = app.Server;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:CareReady", Database.ConnectionString);
        builder.UseSetting("CareReady:Demo:SeedOnFirstRun", "false");
        builder.UseSetting("Notifications:JobEnabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests look at them).</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client already signed in as <paramref name="email"/>.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = NewClient();
        await client.SignInAsync(email, TestData.Password);
        return client;
    }

    public AppDbContext NewDbContext() => DatabaseSetup.CreateContext(Database);

    /// <summary>Stops the host, then drops the database it was started on (a full suite would otherwise leave gigabytes behind).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            _ownsDatabase = false;
            await TestDatabases.DropAsync(Database);
        }
    }
}
