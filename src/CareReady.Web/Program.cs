using CareReady.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddCareReady();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseCareReady();
await app.RunAsync();

/// <summary>Entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
