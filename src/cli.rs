//! The command line (clap derive): check, parse, rules, explain, schema, init, server,
//! completions, man.

use std::path::PathBuf;

use clap::builder::{EnumValueParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use presslint::diagnostic::Severity;
use presslint::render::OutputFormat;

#[derive(Debug, Parser)]
#[command(
    name = "presslint",
    version,
    about = "Schema validator and style linter for official press releases"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check releases (files, directories, `-` for stdin) against the schema and the rules.
    Check(CheckArgs),
    /// Print a release as parsed (pretty JSON, with byte spans).
    Parse(ParseArgs),
    /// List the rules of the pack.
    Rules(RulesArgs),
    /// Explain a rule: why, its fix and its examples.
    Explain(ExplainArgs),
    /// Print an embedded JSON Schema.
    Schema(SchemaArgs),
    /// Write a commented starter `presslint.toml`.
    Init(InitArgs),
    /// Run the language server (LSP) on stdin and stdout, for editors.
    Server(ServerArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(CompletionsArgs),
    /// Print the manual page (roff) of presslint or of one subcommand, or write them all.
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check (`-` reads stdin). Directories are walked for `.txt`
    /// and `.json` files, respecting `.gitignore`.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, default_value = "human", value_parser = EnumValueParser::<FormatArg>::new().map(OutputFormat::from))]
    pub format: OutputFormat,
    /// The lowest severity that makes the run fail (exit code 1) [default: the
    /// configuration's `fail-on`, else error].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// When to use colours (auto: on a terminal, unless NO_COLOR is set).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// The name to report for stdin (its extension picks the input format).
    #[arg(long, value_name = "NAME", default_value = "-")]
    pub stdin_filename: String,
    /// Read every input as this format, whatever its extension (default: by extension:
    /// `.json`, `.html`/`.htm`, `.md`/`.markdown`, anything else text).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Threads that check files (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Apply safe fixes, lint again, repeat until nothing applies; write files atomically.
    /// With `-`, print the fixed text on stdout and the report on stderr.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Also apply unsafe fixes (with --fix or --diff): they may change meaning; review them.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Report a release whose other-language edition is not among the files checked
    /// (`pair/missing-edition`); with no pack pinned, editions met together are always compared.
    #[arg(long, conflicts_with_all = ["fix", "diff"])]
    pub require_pairs: bool,
    /// Print a unified diff of what --fix would write, write nothing; exit 1 if it would change a file.
    #[arg(long)]
    pub diff: bool,
    /// Report (and fail on) only the findings this baseline file does not record.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["write_baseline", "fix", "diff"])]
    pub baseline: Option<PathBuf>,
    /// Record today's findings in a baseline file (exit 0 unless a file could not be checked).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fix", "diff"])]
    pub write_baseline: Option<PathBuf>,
    #[command(flatten)]
    pub selection: SelectionArgs,
    #[command(flatten)]
    pub reporting: ReportingArgs,
}

impl CheckArgs {
    /// The fixes that may be applied: safe ones, or unsafe ones too.
    pub fn fix_threshold(&self) -> presslint::fix::Applicability {
        if self.unsafe_fixes {
            presslint::fix::Applicability::Unsafe
        } else {
            presslint::fix::Applicability::Safe
        }
    }
}

/// Which configuration and pack apply.
#[derive(Debug, Clone, Args)]
pub struct SettingsArgs {
    /// Use this configuration file for every input instead of discovering presslint.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore configuration files: built-in defaults only.
    #[arg(long)]
    pub no_config: bool,
    /// The rule pack: an embedded name (un-en, un-fr) or a pack directory; overrides the configuration.
    #[arg(long, value_name = "NAME|DIR")]
    pub pack: Option<String>,
}

impl SettingsArgs {
    /// The run's settings. An explicit `--config` that cannot be read fails the run.
    pub fn workspace(&self) -> presslint::error::Result<crate::workspace::Workspace> {
        use crate::workspace::{ConfigSource, Workspace};
        let source = match (&self.config, self.no_config) {
            (Some(path), _) => {
                presslint::config::Config::load(path)?;
                ConfigSource::File(path.clone())
            }
            (None, true) => ConfigSource::None,
            (None, false) => ConfigSource::Discover,
        };
        Ok(Workspace::new(source, self.pack.clone()))
    }
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// The release to parse (`-` reads stdin).
    pub file: PathBuf,
    /// The name to report for stdin (its extension picks the input format).
    #[arg(long, value_name = "NAME", default_value = "-")]
    pub stdin_filename: String,
    /// Read the file as this format, whatever its extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,
    #[command(flatten)]
    pub settings: SettingsArgs,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,
    /// List the rules of every embedded pack.
    #[arg(long, conflicts_with = "pack")]
    pub all: bool,
    #[command(flatten)]
    pub settings: SettingsArgs,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule id, `group/name`.
    pub rule: String,
    #[command(flatten)]
    pub settings: SettingsArgs,
}

#[derive(Debug, Args)]
pub struct ServerArgs {
    /// Talk over stdin and stdout: the only transport, and the default; accepted because
    /// LSP clients pass it.
    #[arg(long)]
    pub stdio: bool,
    /// Threads that lint documents (default: one per core, at most 4).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    #[command(flatten)]
    pub settings: SettingsArgs,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the starter configuration.
    #[arg(default_value = "presslint.toml")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema.
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(
        presslint::schema::SCHEMAS.map(|(name, _)| name)
    ))]
    pub name: String,
}

/// `--format`'s values and their help, mapped onto `render::OutputFormat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Rich diagnostics with the source text (codespan-reporting).
    Human,
    /// `file:line:col: severity[rule]: message`, one per line.
    Concise,
    /// The versioned report of `schemas/report.schema.json`.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations), at most as many as GitHub shows.
    Github,
    /// Reviewdog Diagnostic Format JSON, with the fixes as suggestions.
    Rdjson,
    /// GitLab Code Quality report.
    Gitlab,
}

impl From<FormatArg> for OutputFormat {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Human => OutputFormat::Human,
            FormatArg::Concise => OutputFormat::Concise,
            FormatArg::Json => OutputFormat::Json,
            FormatArg::Sarif => OutputFormat::Sarif,
            FormatArg::Github => OutputFormat::Github,
            FormatArg::Rdjson => OutputFormat::Rdjson,
            FormatArg::Gitlab => OutputFormat::Gitlab,
        }
    }
}

/// `--input-format`: how an input's bytes are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    Text,
    Json,
    Html,
    Markdown,
}

impl InputFormatArg {
    pub fn kind(self) -> presslint::SourceKind {
        use presslint::SourceKind;
        match self {
            InputFormatArg::Text => SourceKind::Text,
            InputFormatArg::Json => SourceKind::Json,
            InputFormatArg::Html => SourceKind::Html,
            InputFormatArg::Markdown => SourceKind::Markdown,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Auto: colours only when stdout is a terminal and `NO_COLOR` is unset or empty.
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                !no_color && std::io::stdout().is_terminal()
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
}

/// `--select`, `--extend-select`, `--ignore`: rule selection as ruff spells it, over the
/// configuration's (see `presslint::selection`).
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Rule selection")]
pub struct SelectionArgs {
    /// Run only these rules: ids or groups, comma-separated or repeated. Replaces the
    /// configuration's `select` and `ignore`.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub select: Option<Vec<String>>,
    /// Also run these rules (ids or groups).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub extend_select: Vec<String>,
    /// Do not run these rules (ids or groups). A rule id wins over its group.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub ignore: Vec<String>,
}

impl SelectionArgs {
    /// The selectors, trimmed, without empty ones (`--select symbol,` or `--select ""`).
    pub fn rule_selection(&self) -> presslint::selection::RuleSelection {
        let clean = |items: &[String]| -> Vec<String> {
            items
                .iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        };
        presslint::selection::RuleSelection {
            select: self.select.as_deref().map(clean),
            extend_select: clean(&self.extend_select),
            ignore: clean(&self.ignore),
        }
    }
}

/// How `check` reports and ends: the switches ruff users reach for.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Reporting")]
pub struct ReportingArgs {
    /// Print how many findings each rule has, most frequent first, instead of the findings
    /// (as text, or a JSON array with --format json).
    #[arg(long, conflicts_with_all = ["fix", "diff", "show_fixes"])]
    pub statistics: bool,
    /// Write the report to FILE instead of stdout, atomically (a reader sees the old file or
    /// the new one, never half).
    #[arg(short, long, value_name = "FILE", conflicts_with = "diff")]
    pub output_file: Option<PathBuf>,
    /// Exit 0 even when there are findings; 2 still means the run failed.
    #[arg(short, long)]
    pub exit_zero: bool,
    /// Print the findings only: no summary line, no progress bar, no closing counts.
    #[arg(short, long)]
    pub quiet: bool,
    /// List the findings that suppression comments silenced, with their reasons (human and
    /// concise formats; JSON and SARIF always carry them).
    #[arg(long)]
    pub show_suppressed: bool,
    /// List the fixes: those applied (--fix), those --fix would apply (--diff), or else the
    /// fixes available for the findings.
    #[arg(long)]
    pub show_fixes: bool,
    /// Check again whenever a release or configuration below the paths changes; Ctrl-C stops.
    #[arg(short, long, conflicts_with_all = ["fix", "diff", "write_baseline"])]
    pub watch: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// A subcommand whose page to print (`presslint-check(1)`); default: `presslint(1)`.
    pub command: Option<String>,
    /// Write every page (`presslint.1`, `presslint-check.1`...) into DIR instead.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub dir: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn check_defaults() {
        let cli = Cli::try_parse_from(["presslint", "check"]).unwrap();
        let Command::Check(args) = cli.command else {
            panic!("not check");
        };
        assert_eq!(args.paths, vec![PathBuf::from(".")]);
        assert_eq!(args.format, OutputFormat::Human);
        assert_eq!(args.fail_on, None, "the configuration decides, else error");
        assert!(!args.fix && !args.diff && !args.settings.no_config);
        assert_eq!(args.stdin_filename, "-");
    }
}
