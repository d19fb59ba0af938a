//! Talking to the outside: emailext, mail, build (downstream jobs) and httpRequest. Nothing
//! leaves the harness: mails and requests are logged and traced.

use indexmap::IndexMap;
use jenkins_harness_interpreter::{Eval, Interpreter, Value};

use crate::host::{Pipeline, StepCall};
use crate::literal;
use crate::result::BuildResult;

/// `emailext(to, subject, body, recipientProviders)`.
pub(super) fn emailext(p: &Pipeline, _: &mut Interpreter, call: &mut StepCall) -> Eval {
    let to = call.str("to").unwrap_or_default();
    if to.trim().is_empty() {
        p.log("An attempt to send an e-mail to empty list of recipients, ignored.");
    } else {
        p.log(&format!("Sending email to: {}", to.trim()));
    }
    Ok(Value::Null)
}

/// `mail(to, subject, body)`: needs at least one recipient.
pub(super) fn mail(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let recipients: Vec<String> = ["to", "cc", "bcc"]
        .iter()
        .filter_map(|k| call.str(k))
        .filter(|r| !r.trim().is_empty())
        .collect();
    if recipients.is_empty() {
        return Err(p.abort(
            interp,
            "Email not sent. No recipients of any kind specified ('to', 'cc', 'bcc').",
        ));
    }
    Ok(Value::Null)
}

/// `build(job)`: the downstream build's result from the world (unlisted jobs succeed).
pub(super) fn build(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let job = call.str("job").unwrap_or_default();
    let mock = p
        .with(|s| s.world.jobs.get(&job).cloned())
        .unwrap_or_default();
    p.log(&format!("Scheduling project: {job}"));
    if call.get("wait").is_some_and(|w| !w.truthy()) {
        return Ok(Value::Null);
    }
    p.log(&format!("Starting building: {job} #{}", mock.number));
    let shown = format!("{job} #{} {}", mock.number, mock.result);
    p.show_result(call.id, shown);
    let propagate = call.get("propagate").is_none_or(Value::truthy);
    if mock.result != BuildResult::Success && propagate {
        let e = p.interrupted(
            interp,
            mock.result,
            &format!(
                "{job} #{} completed with status {} (propagate: false to ignore)",
                mock.number, mock.result
            ),
        );
        // A downstream failure is no actual interruption of this build.
        if let jenkins_harness_interpreter::Flow::Throw(Value::Object(o)) = &e {
            o.fields
                .borrow_mut()
                .insert(crate::clock::ACTUAL_FIELD.into(), Value::Bool(false));
        }
        return Err(e);
    }
    let mut fields: IndexMap<std::rc::Rc<str>, Value> = IndexMap::new();
    fields.insert(
        literal::LITERAL_FIELD.into(),
        literal::string(&format!("{job} #{}", mock.number)),
    );
    fields.insert("result".into(), literal::string(mock.result.as_str()));
    fields.insert(
        "currentResult".into(),
        literal::string(mock.result.as_str()),
    );
    fields.insert(
        "number".into(),
        Value::Num(i32::try_from(mock.number).unwrap_or(i32::MAX).into()),
    );
    fields.insert(
        "projectName".into(),
        literal::string(job.rsplit('/').next().unwrap_or(&job)),
    );
    fields.insert("fullProjectName".into(), literal::string(&job));
    fields.insert(
        "displayName".into(),
        literal::string(&format!("#{}", mock.number)),
    );
    fields.insert("id".into(), literal::string(&mock.number.to_string()));
    fields.insert("description".into(), Value::Null);
    fields.insert("duration".into(), Value::Num(0.into()));
    let jenkins = p.with(|s| s.env.get("JENKINS_URL").cloned().unwrap_or_default());
    let job_path = job.split('/').collect::<Vec<_>>().join("/job/");
    fields.insert(
        "absoluteUrl".into(),
        literal::string(&format!("{jenkins}job/{job_path}/{}/", mock.number)),
    );
    fields.insert("buildVariables".into(), Value::map(IndexMap::new()));
    Ok(interp.host_object(
        "org.jenkinsci.plugins.workflow.support.steps.build.RunWrapper$Downstream",
        fields,
    ))
}

/// `httpRequest(url)`: no request is made; unmocked it answers 200 with no content.
pub(super) fn http_request(p: &Pipeline, interp: &mut Interpreter, call: &mut StepCall) -> Eval {
    let url = call.str("url").unwrap_or_default();
    let mode = call.str("httpMode").unwrap_or_else(|| "GET".into());
    p.log(&format!("HttpMethod: {mode}"));
    p.log(&format!("URL: {url}"));
    p.log("Response Code: HTTP/1.1 200 OK");
    let mut fields: IndexMap<std::rc::Rc<str>, Value> = IndexMap::new();
    fields.insert("status".into(), Value::Num(200.into()));
    fields.insert("content".into(), literal::string(""));
    fields.insert(literal::LITERAL_FIELD.into(), literal::string("response"));
    p.show_result(call.id, "200".into());
    Ok(interp.host_object(
        "jenkins.plugins.http_request.ResponseContentSupplier",
        fields,
    ))
}
