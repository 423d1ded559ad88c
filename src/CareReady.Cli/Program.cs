using System.CommandLine;
using CareReady.Cli;

var root = new RootCommand("careready — administer a CareReady installation (acts on the same database as the web app)");
root.Subcommands.Add(MigrateCommand.Create());
root.Subcommands.Add(SeedCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(OrganisationCommand.Create());
root.Subcommands.Add(UserCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(ContentCommand.Create());
root.Subcommands.Add(NotifyCommand.Create());
root.Subcommands.Add(SimCommand.Create());
root.Subcommands.Add(LrsClientCommand.Create());
root.Subcommands.Add(PathwaysCommand.Create());
return await root.Parse(args).InvokeAsync();
