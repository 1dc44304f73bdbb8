use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, Rule, RuleMeta};

pub struct UnusedSuppression;

static META: RuleMeta = RuleMeta {
    id: "meta/unused-suppression",
    severity: Severity::Info,
    summary: "An inline suppression that suppresses nothing, or names an unknown rule",
    doc: r#"## What it does
Reports a `<!-- mtlint-disable ... -->`, `<!-- mtlint-disable-next-line ... -->`
or `<!-- mtlint-disable-file ... -->` comment that suppressed no finding,
and a suppression that names an unknown rule or directive. The suppressions
themselves are applied by the linter after every rule has run (see
`src/suppress.rs`); this rule only carries the id, so that it can be
selected or ignored like any other.

## Why is this bad?
A stale suppression hides nothing today but will hide a real finding
tomorrow, and a misspelt one hides nothing at all.

## Example
```text
<!-- mtlint-disable-next-line quotes/unclosed -->
This line has no quote marks at all.
```

Use instead:
```text
This line has no quote marks at all.
```
"#,
    options: &[],
};

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
