//! No circle of imports in `src/` (STYLE.md 11 and 14): the module graph built from the
//! `use crate::…`, `crate::…`, `super::…` and `self::…` paths of every file under `src/` has no
//! cycle, neither between files nor between the top-level modules. A module naming its own
//! children (a `mod.rs` dispatching to its steps) is composition, not an import, and is left out;
//! a child naming its parent counts. Test modules (`#[cfg(test)]` and below) are left out.
//!
//! Run it alone with `cargo test --test import_cycles`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Modules and the modules each imports.
type Graph = BTreeMap<String, BTreeSet<String>>;

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            // Snapshot folders hold no code.
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The module a file is: `src/tui/app.rs` → `tui::app`, `src/tui/mod.rs` → `tui`, `src/lib.rs` →
/// `` (the crate root). `src/main.rs` is the binary and is left out.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop()?;
    let stem = last.strip_suffix(".rs")?;
    if parts.is_empty() && stem == "main" {
        return None;
    }
    if !(stem == "mod" || (parts.is_empty() && stem == "lib")) {
        parts.push(stem.to_string());
    }
    Some(parts.join("::"))
}

/// The code of a file without comments and without its test module.
fn code(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            break;
        }
        let line = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    fn go(prefix: &str, s: &str, out: &mut Vec<String>) {
        match s.find('{') {
            None => out.push(format!("{prefix}{s}")),
            Some(open) => {
                let head = &s[..open];
                let inner = &s[open + 1..s.len().saturating_sub(1)];
                let mut depth = 0;
                let mut start = 0;
                let bytes: Vec<char> = inner.chars().collect();
                let mut parts = Vec::new();
                for (i, c) in bytes.iter().enumerate() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            parts.push(bytes[start..i].iter().collect::<String>());
                            start = i + 1;
                        }
                        _ => {}
                    }
                }
                parts.push(bytes[start..].iter().collect::<String>());
                for p in parts.into_iter().filter(|p| !p.is_empty()) {
                    go(&format!("{prefix}{head}"), &p, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    go("", &tree, &mut out);
    out
}

/// Every path a piece of code names, as written (`crate::interview::App`, `super::app::Step`).
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    // `use` statements, braces and all.
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before = rest[..i].chars().last();
        let after = &rest[i + 4..];
        rest = after;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let Some(end) = after.find(';') else { break };
        let stmt = &after[..end];
        for p in expand(stmt) {
            let p = p.split(" as ").next().unwrap_or_default().to_string();
            out.push(p);
        }
    }
    // Paths inside the code.
    let chars: Vec<char> = code.chars().collect();
    let text: String = chars.iter().collect();
    for key in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(i) = text[from..].find(key) {
            let at = from + i;
            from = at + key.len();
            let before = text[..at].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let path: String = text[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(path.trim_end_matches(':').to_string());
        }
    }
    out
}

/// The module a path names, from module `here`: the longest prefix that is a module.
fn resolve(here: &str, path: &str, modules: &BTreeSet<String>) -> Option<String> {
    let mut segs: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<String> = Vec::new();
    match segs.first().copied() {
        Some("crate") => {
            segs.remove(0);
        }
        Some("super") | Some("self") => {
            base = here
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            while let Some(s) = segs.first().copied() {
                match s {
                    "super" => {
                        base.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                segs.remove(0);
            }
        }
        _ => return None,
    }
    let mut full = base;
    full.extend(segs.iter().map(|s| s.to_string()));
    (0..=full.len())
        .rev()
        .map(|n| full[..n].join("::"))
        .find(|m| modules.contains(m))
}

fn is_within(module: &str, ancestor: &str) -> bool {
    ancestor.is_empty() || module == ancestor || module.starts_with(&format!("{ancestor}::"))
}

/// The strongly connected components with more than one module (Tarjan).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        g: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        t.index.insert(v, t.next);
        t.low.insert(v, t.next);
        t.next += 1;
        t.stack.push(v);
        t.on.insert(v);
        if let Some(ws) = t.g.get(v) {
            for w in ws {
                let w = w.as_str();
                if !t.index.contains_key(w) {
                    visit(t, w);
                    let lw = t.low[w];
                    let lv = t.low[v];
                    t.low.insert(v, lv.min(lw));
                } else if t.on.contains(w) {
                    let iw = t.index[w];
                    let lv = t.low[v];
                    t.low.insert(v, lv.min(iw));
                }
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                comp.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        g: graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(&mut t, v.as_str());
        }
    }
    t.out
}

/// What is not yet out of the interview (issue #24), as imports from a file of `interview/` into
/// the wizard. The list may only shrink: a test fails when an entry is no longer needed. Empty
/// since the body's size became the interview's (`interview/layout.rs`) and the long text its
/// own model (`interview/text_box.rs`); kept, so that nothing comes back unseen.
const NOT_YET_OUT: &[(&str, &str)] = &[];

/// Files of `interview/` that still name `ratatui`, for the reasons in [`NOT_YET_OUT`]: none.
const TERMINAL_NOT_YET_OUT: &[&str] = &[];

/// The file graph and the top-level graph of `src/`, without the edges in [`NOT_YET_OUT`].
fn graphs() -> (Graph, Graph, Graph) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut texts = BTreeMap::new();
    for f in &all {
        if let Some(m) = module_of(&src, f) {
            let text = std::fs::read_to_string(f).expect("source is UTF-8");
            texts.insert(m, code(&text));
        }
    }
    let modules: BTreeSet<String> = texts.keys().cloned().collect();
    let mut files_graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut raw: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (here, code) in &texts {
        let edges = files_graph.entry(here.clone()).or_default();
        for p in paths(code) {
            let Some(to) = resolve(here, &p, &modules) else {
                continue;
            };
            // The crate root, the module itself and its own children are not imports.
            if to.is_empty() || is_within(&to, here) {
                continue;
            }
            raw.entry(here.clone()).or_default().insert(to.clone());
            if NOT_YET_OUT.contains(&(here.as_str(), to.as_str())) {
                continue;
            }
            edges.insert(to.clone());
            let a = here.split("::").next().unwrap_or_default().to_string();
            let b = to.split("::").next().unwrap_or_default().to_string();
            if !a.is_empty() && a != b {
                top.entry(a).or_default().insert(b);
            }
        }
    }
    (raw, files_graph, top)
}

#[test]
fn no_circle_of_imports_between_files() {
    let (_, g, _) = graphs();
    assert!(
        g.len() > 50,
        "the graph was built from src/ ({} modules)",
        g.len()
    );
    let found = cycles(&g);
    assert!(
        found.is_empty(),
        "modules that import each other in a circle:\n{}",
        found
            .iter()
            .map(|c| format!("  {}", c.join(" ⇄ ")))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn no_circle_of_imports_between_top_level_modules() {
    let (_, _, top) = graphs();
    assert!(
        top.contains_key("tui"),
        "the top-level graph has the wizard"
    );
    let found = cycles(&top);
    assert!(found.is_empty(), "top-level modules in a circle: {found:?}");
}

#[test]
fn the_checker_finds_a_circle() {
    // The checker itself: a → b → c → a is found, a → b alone is not.
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("a".into()).or_default().insert("b".into());
    assert!(cycles(&g).is_empty());
    g.entry("b".into()).or_default().insert("c".into());
    g.entry("c".into()).or_default().insert("a".into());
    assert_eq!(cycles(&g), vec![vec!["a", "b", "c"]]);
    let modules: BTreeSet<String> = ["tui", "tui::app", "tui::steps", "tui::steps::case"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(
        resolve("tui::steps::case", "super::super::app::App", &modules).as_deref(),
        Some("tui::app")
    );
    assert_eq!(
        expand("crate::front::{model::{App, Step}, view}"),
        vec![
            "crate::front::model::App",
            "crate::front::model::Step",
            "crate::front::view"
        ]
    );
}

#[test]
fn no_terminal_outside_the_wizard() {
    // `ratatui` and `crossterm` appear only in `src/tui/` and in `main.rs` (comments aside).
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let found: Vec<String> = all
        .iter()
        .filter(|f| !f.starts_with(src.join("tui")) && !f.ends_with("main.rs"))
        .filter(|f| {
            let text = code(&std::fs::read_to_string(f).unwrap_or_default());
            text.contains("ratatui") || text.contains("crossterm")
        })
        .map(|f| {
            f.strip_prefix(&src)
                .unwrap_or(f)
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let new: Vec<&String> = found
        .iter()
        .filter(|f| !TERMINAL_NOT_YET_OUT.contains(&f.as_str()))
        .collect();
    assert!(new.is_empty(), "terminal code outside tui/: {new:?}");
    let gone: Vec<&&str> = TERMINAL_NOT_YET_OUT
        .iter()
        .filter(|f| !found.iter().any(|x| x == **f))
        .collect();
    assert!(
        gone.is_empty(),
        "no longer terminal code, take off the list: {gone:?}"
    );
}

#[test]
fn the_list_of_what_is_not_yet_out_only_shrinks() {
    let (raw, _, _) = graphs();
    let gone: Vec<_> = NOT_YET_OUT
        .iter()
        .filter(|(a, b)| !raw.get(*a).is_some_and(|to| to.contains(*b)))
        .collect();
    assert!(
        gone.is_empty(),
        "no longer imported, take off NOT_YET_OUT: {gone:?}"
    );
}

#[test]
fn front_ends_do_not_import_each_other() {
    // The command line, the wizard and line mode sit side by side on the interview and the
    // middle (STYLE.md 11); the interview and the middle import no front end.
    let (raw, _, _) = graphs();
    let front = |m: &str| -> Option<&'static str> {
        let top = m.split("::").next().unwrap_or_default();
        match top {
            "tui" => Some("tui"),
            "plain" => Some("plain"),
            "cli" | "commands" | "cases_cmd" | "manpage" => Some("cli"),
            _ => None,
        }
    };
    let mut found = Vec::new();
    for (from, tos) in &raw {
        for to in tos {
            let (a, b) = (front(from), front(to));
            let leans = match (a, b) {
                (Some(a), Some(b)) => a != b,
                (None, Some(_)) => !NOT_YET_OUT.contains(&(from.as_str(), to.as_str())),
                _ => false,
            };
            if leans {
                found.push(format!("{from} → {to}"));
            }
        }
    }
    assert!(found.is_empty(), "a module leans on a front end: {found:?}");
}
