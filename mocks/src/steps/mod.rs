//! The step table: each step's parameters (the first is the one a sole unnamed argument binds
//! to), its required ones, its Java class (for Jenkins' warnings) and its behaviour.

use jenkins_harness_interpreter::{Eval, Interpreter};

use crate::host::{Pipeline, StepCall};

mod basic;
mod credentials;
mod data;
pub(crate) mod docker;
pub(crate) mod files;
mod flow;
mod notify;
pub(crate) mod parallel;
mod scm;
mod shell;

/// What a step does.
pub(crate) type StepFn = fn(&Pipeline, &mut Interpreter, &mut StepCall) -> Eval;

/// A step's definition.
pub(crate) struct StepDef {
    /// Its name.
    pub name: &'static str,
    /// Its parameters; the first is bound by a sole unnamed argument.
    pub params: &'static [&'static str],
    /// Parameters that must be given.
    pub required: &'static [&'static str],
    /// Its Java class.
    pub class: &'static str,
    /// Its behaviour.
    pub run: StepFn,
}

const fn step(
    name: &'static str,
    params: &'static [&'static str],
    required: &'static [&'static str],
    class: &'static str,
    run: StepFn,
) -> StepDef {
    StepDef {
        name,
        params,
        required,
        class,
        run,
    }
}

const SHELL: &[&str] = &[
    "script",
    "returnStdout",
    "returnStatus",
    "label",
    "encoding",
];

/// Every step, sorted by name: name, parameters, required parameters, Java class, behaviour.
#[rustfmt::skip]
static STEPS: &[StepDef] = &[
    step("ansiColor", &["colorMapName"], &[], "hudson.plugins.ansicolor.AnsiColorStep", basic::wrapper),
    step("archiveArtifacts", &["artifacts", "excludes", "allowEmptyArchive", "fingerprint", "onlyIfSuccessful", "caseSensitive", "defaultExcludes", "followSymlinks"], &["artifacts"], "hudson.tasks.ArtifactArchiver", scm::archive_artifacts),
    step("bat", SHELL, &["script"], "org.jenkinsci.plugins.workflow.steps.durable_task.BatchScriptStep", shell::shell),
    step("build", &["job", "parameters", "wait", "propagate", "waitForStart", "quietPeriod"], &["job"], "org.jenkinsci.plugins.workflow.support.steps.build.BuildTriggerStep", notify::build),
    step("catchError", &["buildResult", "stageResult", "message", "catchInterruptions"], &[], "org.jenkinsci.plugins.workflow.steps.CatchErrorStep", flow::catch_error),
    step("checkout", &["scm", "changelog", "poll"], &["scm"], "org.jenkinsci.plugins.workflow.steps.scm.GenericSCMStep", scm::checkout),
    step("cleanWs", &["deleteDirs", "patterns", "notFailBuild", "cleanWhenAborted", "cleanWhenFailure", "cleanWhenNotBuilt", "cleanWhenSuccess", "cleanWhenUnstable", "disableDeferredWipeout"], &[], "hudson.plugins.ws_cleanup.WsCleanupStep", basic::clean_ws),
    step("deleteDir", &[], &[], "org.jenkinsci.plugins.workflow.steps.DeleteDirStep", basic::delete_dir),
    step("dir", &["path"], &["path"], "org.jenkinsci.plugins.workflow.steps.PushdStep", basic::dir),
    step("echo", &["message"], &[], "org.jenkinsci.plugins.workflow.steps.EchoStep", basic::echo),
    step("emailext", &["subject", "body", "to", "from", "replyTo", "mimeType", "attachLog", "compressLog", "attachmentsPattern", "recipientProviders", "presendScript", "postsendScript"], &[], "hudson.plugins.emailext.EmailExtStep", notify::emailext),
    step("error", &["message"], &["message"], "org.jenkinsci.plugins.workflow.steps.ErrorStep", basic::error),
    step("fileExists", &["file"], &["file"], "org.jenkinsci.plugins.workflow.steps.FileExistsStep", files::file_exists),
    step("git", &["url", "branch", "credentialsId", "changelog", "poll"], &["url"], "jenkins.plugins.git.GitStep", scm::git),
    step("httpRequest", &["url", "httpMode", "contentType", "acceptType", "requestBody", "customHeaders", "authentication", "validResponseCodes", "consoleLogResponseBody", "quiet", "ignoreSslErrors", "timeout", "outputFile", "responseHandle", "wrapAsMultipart", "validResponseContent"], &["url"], "jenkins.plugins.http_request.HttpRequestStep", notify::http_request),
    step("input", &["message", "id", "ok", "cancel", "submitter", "submitterParameter", "parameters"], &[], "org.jenkinsci.plugins.workflow.support.steps.input.InputStep", flow::input),
    step("isUnix", &[], &[], "org.jenkinsci.plugins.workflow.steps.IsUnixStep", basic::is_unix),
    step("junit", &["testResults", "allowEmptyResults", "keepLongStdio", "healthScaleFactor", "skipPublishingChecks", "skipMarkingBuildUnstable"], &["testResults"], "hudson.tasks.junit.pipeline.JUnitResultsStep", scm::junit),
    step("load", &["path"], &["path"], "org.jenkinsci.plugins.workflow.cps.steps.LoadStep", basic::load),
    step("lock", &["resource", "label", "quantity", "variable", "inversePrecedence", "skipIfLocked"], &[], "org.jenkins.plugins.lockableresources.LockStep", basic::wrapper),
    step("mail", &["subject", "body", "to", "cc", "bcc", "from", "replyTo", "charset", "mimeType"], &["subject", "body"], "org.jenkinsci.plugins.workflow.steps.MailStep", notify::mail),
    step("milestone", &["ordinal", "label"], &[], "org.jenkinsci.plugins.pipeline.milestone.MilestoneStep", basic::nothing),
    step("node", &["label"], &[], "org.jenkinsci.plugins.workflow.support.steps.ExecutorStep", basic::node),
    step("parallel", &[], &[], "org.jenkinsci.plugins.workflow.cps.steps.ParallelStep", parallel::parallel),
    step("powershell", SHELL, &["script"], "org.jenkinsci.plugins.workflow.steps.durable_task.PowershellScriptStep", shell::shell),
    step("properties", &["properties"], &["properties"], "org.jenkinsci.plugins.workflow.multibranch.JobPropertyStep", basic::properties),
    step("pwd", &["tmp"], &[], "org.jenkinsci.plugins.workflow.steps.PwdStep", basic::pwd),
    step("pwsh", SHELL, &["script"], "org.jenkinsci.plugins.workflow.steps.durable_task.PowerShellCoreScriptStep", shell::shell),
    step("readFile", &["file", "encoding"], &["file"], "org.jenkinsci.plugins.workflow.steps.ReadFileStep", files::read_file),
    step("readJSON", &["file", "text", "returnPojo"], &[], "org.jenkinsci.plugins.pipeline.utility.steps.json.ReadJSONStep", data::read_json),
    step("readYaml", &["file", "text"], &[], "org.jenkinsci.plugins.pipeline.utility.steps.conf.ReadYamlStep", data::read_yaml),
    step("retry", &["count", "conditions"], &["count"], "org.jenkinsci.plugins.workflow.steps.RetryStep", flow::retry),
    step("sh", SHELL, &["script"], "org.jenkinsci.plugins.workflow.steps.durable_task.ShellStep", shell::shell),
    step("sleep", &["time", "unit"], &["time"], "org.jenkinsci.plugins.workflow.steps.SleepStep", flow::sleep),
    step("sshagent", &["credentials", "ignoreMissing"], &["credentials"], "com.cloudbees.jenkins.plugins.sshagent.SSHAgentStep", credentials::sshagent),
    step("stage", &["name", "concurrency"], &["name"], "org.jenkinsci.plugins.workflow.support.steps.StageStep", basic::stage),
    step("stash", &["name", "includes", "excludes", "useDefaultExcludes", "allowEmpty"], &["name"], "org.jenkinsci.plugins.workflow.support.steps.stash.StashStep", scm::stash),
    step("timeout", &["time", "unit", "activity"], &["time"], "org.jenkinsci.plugins.workflow.steps.TimeoutStep", flow::timeout),
    step("timestamps", &[], &[], "hudson.plugins.timestamper.pipeline.TimestamperStep", basic::wrapper),
    step("tool", &["name", "type"], &["name"], "org.jenkinsci.plugins.workflow.steps.ToolStep", basic::tool),
    step("unstable", &["message"], &["message"], "org.jenkinsci.plugins.workflow.steps.UnstableStep", flow::unstable),
    step("unstash", &["name"], &["name"], "org.jenkinsci.plugins.workflow.support.steps.stash.UnstashStep", scm::unstash),
    step("waitUntil", &["initialRecurrencePeriod", "quiet"], &[], "org.jenkinsci.plugins.workflow.steps.WaitForConditionStep", flow::wait_until),
    step("warnError", &["message", "catchInterruptions"], &["message"], "org.jenkinsci.plugins.workflow.steps.WarnErrorStep", flow::warn_error),
    step("withCredentials", &["bindings"], &["bindings"], "org.jenkinsci.plugins.credentialsbinding.impl.BindingStep", credentials::with_credentials),
    step("withEnv", &["overrides"], &["overrides"], "org.jenkinsci.plugins.workflow.steps.EnvStep", basic::with_env),
    step("writeFile", &["file", "text", "encoding"], &["file", "text"], "org.jenkinsci.plugins.workflow.steps.WriteFileStep", files::write_file),
    step("writeJSON", &["file", "json", "pretty", "returnText"], &["json"], "org.jenkinsci.plugins.pipeline.utility.steps.json.WriteJSONStep", data::write_json),
    step("writeYaml", &["file", "data", "datas", "overwrite", "charset", "returnText"], &[], "org.jenkinsci.plugins.pipeline.utility.steps.conf.WriteYamlStep", data::write_yaml),
];

/// The step named `name`.
pub(crate) fn find(name: &str) -> Option<&'static StepDef> {
    STEPS
        .binary_search_by(|s| s.name.cmp(name))
        .ok()
        .map(|i| &STEPS[i])
}

/// What a step still does when its value is mocked: `junit` still marks the build UNSTABLE
/// when the summary it returns has failures.
pub(crate) fn after_mock(p: &Pipeline, name: &str, value: &jenkins_harness_interpreter::Value) {
    if name == "junit" {
        scm::mark_test_failures(p, value);
    }
}

/// The message of a step called without a required parameter: the step's own where Jenkins
/// has one (`stage` says `must specify name`), else the validator's wording.
pub(crate) fn missing_parameter(step: &str, param: &str) -> String {
    match (step, param) {
        ("stage", "name") => "must specify name".into(),
        _ => format!("Missing required parameter: \"{param}\" for step {step}"),
    }
}

/// Every step's name, sorted.
pub(crate) fn names() -> Vec<&'static str> {
    STEPS.iter().map(|s| s.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_table_is_sorted_for_binary_search() {
        assert!(STEPS.windows(2).all(|w| w[0].name < w[1].name));
        assert!(find("sh").is_some() && find("nope").is_none());
    }
}
