//! `jenkins-harness run FILE`: run a Jenkinsfile against mocked steps, in the world a scenario
//! file describes, and print its console log, its trace or the JSON outcome.

use std::io::{self, Write};

use jenkins_harness::diagnostic::{Diagnostic, SourceFile};
use jenkins_harness::{BuildResult, Harness, Scenario, World};

use crate::cli::{RunArgs, RunOutput};

/// Runs the command; returns 0 for SUCCESS, 1 for another result, 2 for a usage, I/O or parse
/// error.
pub fn run(args: &RunArgs) -> i32 {
    let path = &args.file;
    let name = crate::walk::display(path);
    let text = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(_)) => {
            eprintln!("error: {name} is not valid UTF-8; save the file as UTF-8");
            return 2;
        }
        Err(error) => {
            crate::lint::io_error(path, &error);
            return 2;
        }
    };
    let mut world = match &args.scenario {
        Some(file) => match Scenario::load(file) {
            Ok(s) => s.world,
            Err(message) => {
                eprintln!("error: {message}");
                return 2;
            }
        },
        None => World::default(),
    };
    if let Err(message) = apply_overrides(&mut world, args) {
        eprintln!("error: {message}");
        return 2;
    }
    let outcome = match Harness::with_world(world).run(&text) {
        Ok(outcome) => outcome,
        Err(errors) => {
            let file = SourceFile::new(name, &text);
            let color = anstream::AutoStream::choice(&io::stderr()) != anstream::ColorChoice::Never;
            for e in &errors {
                eprintln!("{}", Diagnostic::syntax(&file, e).render(&text, color));
            }
            return 2;
        }
    };
    let mut out = anstream::stdout().lock();
    let written = match args.output {
        RunOutput::Log => write!(out, "{}", outcome.log_text()),
        RunOutput::Trace => write!(out, "{}", outcome.trace),
        RunOutput::Json => match serde_json::to_string(&outcome) {
            Ok(json) => writeln!(out, "{json}"),
            Err(e) => writeln!(out, "{{\"error\": \"{e}\"}}"),
        },
    };
    if written.and_then(|()| out.flush()).is_err() {
        return 2;
    }
    if outcome.result == BuildResult::Success {
        0
    } else {
        1
    }
}

/// `--env K=V` and `--param K=V`, over the scenario's values.
fn apply_overrides(world: &mut World, args: &RunArgs) -> Result<(), String> {
    for entry in &args.env {
        let (k, v) = split(entry, "--env")?;
        world.env.insert(k.into(), v.into());
    }
    for entry in &args.params {
        let (k, v) = split(entry, "--param")?;
        let typed = match v {
            "true" => serde_json::Value::Bool(true),
            "false" => serde_json::Value::Bool(false),
            _ => match v.parse::<i64>() {
                Ok(n) => n.into(),
                Err(_) => v.into(),
            },
        };
        world.params.insert(k.into(), typed);
    }
    Ok(())
}

fn split<'a>(entry: &'a str, flag: &str) -> Result<(&'a str, &'a str), String> {
    entry
        .split_once('=')
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| format!("{flag} expects NAME=VALUE, got '{entry}'"))
}
