//! `withCredentials` with its bindings, and `sshagent`: secrets reach the block as environment
//! variables and are masked in every output.

use jenkins_harness_interpreter::{Eval, Flow, Interpreter, Value};

use crate::host::{Pipeline, StepCall};
use crate::world::Credential;

/// One binding of `withCredentials`: its kind and arguments.
struct Binding {
    kind: String,
    args: indexmap::IndexMap<String, Value>,
}

/// A binding given as a symbol (`string(...)`) or as `[$class: 'StringBinding', ...]`.
fn binding(v: &Value) -> Option<Binding> {
    if let Some((kind, args)) = crate::symbols::parts(v) {
        return Some(Binding { kind, args });
    }
    let Value::Map(m) = v else { return None };
    let mut args = indexmap::IndexMap::new();
    for (k, v) in m.borrow().iter() {
        args.insert(k.0.to_display(), v.clone());
    }
    let class = args.get("$class")?.to_display();
    let kind = match class.as_str() {
        "UsernamePasswordMultiBinding" => "usernamePassword",
        "UsernamePasswordBinding" => "usernameColonPassword",
        "StringBinding" => "string",
        "FileBinding" => "file",
        "SSHUserPrivateKeyBinding" => "sshUserPrivateKey",
        "CertificateMultiBinding" => "certificate",
        other => other,
    };
    Some(Binding {
        kind: kind.to_string(),
        args,
    })
}

/// The credential `id`, or Jenkins' error for a missing one.
fn credential(p: &Pipeline, interp: &Interpreter, id: &str) -> Eval<Credential> {
    p.with(|s| s.world.credentials.get(id).cloned())
        .ok_or_else(|| {
            Flow::Throw(interp.exception_of_class(
                "org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException",
                "hudson.AbortException",
                &format!("Could not find credentials entry with ID '{id}'"),
            ))
        })
}

/// Jenkins' words for a credential of the wrong type.
fn wrong_type(interp: &Interpreter, id: &str, cred: &Credential, expected: &str) -> Flow {
    let actual = match cred {
        Credential::UsernamePassword { .. } => "Username with password",
        Credential::String { .. } => "Secret text",
        Credential::File { .. } => "Secret file",
        Credential::SshUserPrivateKey { .. } => "SSH Username with private key",
        Credential::Certificate { .. } => "Certificate",
    };
    Flow::Throw(interp.exception_of_class(
        "org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException",
        "hudson.AbortException",
        &format!("Credentials '{id}' is of type '{actual}' where '{expected}' was expected"),
    ))
}

/// Variables a binding sets: (name, value, secret?).
fn bind(
    p: &Pipeline,
    interp: &Interpreter,
    b: &Binding,
    files: &mut Vec<String>,
) -> Eval<Vec<(String, String, bool)>> {
    let arg = |n: &str| b.args.get(n).map(Value::to_display);
    let id = arg("credentialsId").unwrap_or_default();
    let cred = credential(p, interp, &id)?;
    let mut temp_file = |content: &str, name: &str| {
        let path = p.with(|s| {
            let n = s.timeouts + files.len() + 1;
            let root = s
                .thread()
                .node
                .as_ref()
                .map_or_else(|| "/tmp".to_string(), |n| format!("{}@tmp", n.workspace));
            let path = format!("{root}/secretFiles/{n}/{name}");
            s.files
                .insert(super::files::normalize(&path), content.to_string());
            path
        });
        files.push(super::files::normalize(&path));
        path
    };
    let mut out = Vec::new();
    match (b.kind.as_str(), &cred) {
        ("usernamePassword", Credential::UsernamePassword { username, password }) => {
            if let Some(v) = arg("usernameVariable") {
                out.push((v, username.clone(), false));
            }
            if let Some(v) = arg("passwordVariable") {
                out.push((v, password.clone(), true));
            }
        }
        ("usernameColonPassword", Credential::UsernamePassword { username, password }) => {
            if let Some(v) = arg("variable") {
                out.push((v, format!("{username}:{password}"), true));
            }
        }
        ("string", Credential::String { secret }) => {
            if let Some(v) = arg("variable") {
                out.push((v, secret.clone(), true));
            }
        }
        ("file", Credential::File { content, file_name }) => {
            if let Some(v) = arg("variable") {
                out.push((v, temp_file(content, file_name), true));
            }
        }
        (
            "sshUserPrivateKey",
            Credential::SshUserPrivateKey {
                username,
                private_key,
                passphrase,
            },
        ) => {
            if let Some(v) = arg("keyFileVariable") {
                out.push((v, temp_file(private_key, "ssh-key"), true));
            }
            if let Some(v) = arg("usernameVariable") {
                out.push((v, username.clone(), false));
            }
            if let Some(v) = arg("passphraseVariable") {
                out.push((v, passphrase.clone(), true));
            }
        }
        ("certificate", Credential::Certificate { keystore, password }) => {
            if let Some(v) = arg("keystoreVariable") {
                out.push((v, temp_file(keystore, "keystore.p12"), true));
            }
            if let Some(v) = arg("passwordVariable") {
                out.push((v, password.clone(), true));
            }
            if let Some(v) = arg("aliasVariable") {
                out.push((v, String::new(), false));
            }
        }
        (kind, cred) => {
            let expected = match kind {
                "usernamePassword" | "usernameColonPassword" => {
                    "com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials"
                }
                "string" => "org.jenkinsci.plugins.plaincredentials.StringCredentials",
                "file" => "org.jenkinsci.plugins.plaincredentials.FileCredentials",
                "sshUserPrivateKey" => {
                    "com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey"
                }
                "certificate" => {
                    "com.cloudbees.plugins.credentials.common.StandardCertificateCredentials"
                }
                other => other,
            };
            return Err(wrong_type(interp, &id, cred, expected));
        }
    }
    Ok(out)
}

/// `withCredentials([bindings]) { ... }`.
pub(super) fn with_credentials(
    p: &Pipeline,
    interp: &mut Interpreter,
    call: &mut StepCall,
) -> Eval {
    let list: Vec<Value> = match call.get("bindings") {
        Some(Value::List(l)) => l.borrow().clone(),
        Some(other) => vec![other.clone()],
        None => Vec::new(),
    };
    let mut vars = Vec::new();
    let mut files = Vec::new();
    for item in &list {
        let Some(b) = binding(item) else {
            return Err(interp.exception(
                "java.lang.IllegalArgumentException",
                &format!("Not a credentials binding: {}", item.to_display()),
            ));
        };
        vars.extend(bind(p, interp, &b, &mut files)?);
    }
    let secret_names: Vec<String> = vars
        .iter()
        .filter(|(_, _, secret)| *secret)
        .map(|(n, _, _)| format!("${n}"))
        .collect();
    if !secret_names.is_empty() {
        p.log(&format!(
            "Masking supported pattern matches of {}",
            join_or(&secret_names)
        ));
    }
    run_bound(p, interp, call, vars, files)
}

/// `$A`, `$A or $B`, `$A, $B or $C`.
fn join_or(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Runs the block with `vars` set; temporary secret files are removed afterwards.
fn run_bound(
    p: &Pipeline,
    interp: &mut Interpreter,
    call: &StepCall,
    vars: Vec<(String, String, bool)>,
    files: Vec<String>,
) -> Eval {
    let (env_depth, bound_depth) = p.with(|s| {
        for (_, value, secret) in &vars {
            if *secret && value.chars().count() >= 3 && !s.secrets.contains(value) {
                s.secrets.push(value.clone());
                s.secrets.sort_by_key(|v| std::cmp::Reverse(v.len()));
            }
        }
        let t = s.thread();
        let depths = (t.env.len(), t.bound.len());
        for (name, value, secret) in vars {
            if secret {
                t.bound.push((name.clone(), value.clone()));
            }
            t.env.push((name, value));
        }
        depths
    });
    let result = p.run_block(interp, call);
    p.with(|s| {
        let t = s.thread();
        t.env.truncate(env_depth);
        t.bound.truncate(bound_depth);
        for f in &files {
            s.files.remove(f);
        }
    });
    result
}

/// `sshagent(['id']) { ... }`: the keys are loaded into an agent for the block.
pub(super) fn sshagent(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let ids: Vec<String> = match call.get("credentials") {
        Some(Value::List(l)) => l.borrow().iter().map(Value::to_display).collect(),
        Some(other) => vec![other.to_display()],
        None => Vec::new(),
    };
    for id in &ids {
        match credential(p, interp, id) {
            Ok(Credential::SshUserPrivateKey { username, .. }) => {
                p.log(&format!("[ssh-agent] Using credentials {username} ({id})"));
            }
            Ok(_) | Err(_) if call.flag("ignoreMissing") => {
                p.log(&format!(
                    "[ssh-agent] Could not find specified credentials: {id}"
                ));
            }
            Ok(cred) => {
                return Err(wrong_type(
                    interp,
                    id,
                    &cred,
                    "com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey",
                ));
            }
            Err(e) => return Err(e),
        }
    }
    let vars = vec![(
        "SSH_AUTH_SOCK".to_string(),
        "/tmp/ssh-agent/agent.1".to_string(),
        false,
    )];
    run_bound(p, interp, call, vars, Vec::new())
}
