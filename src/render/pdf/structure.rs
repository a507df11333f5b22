//! The letter's logical structure, for the tagged PDF: a tree of standard structure types
//! (ISO 32000-1 14.8.4) built while the flow is built, so every text drawn belongs to exactly
//! one leaf of it. Running headers, page numbers and the signature rules belong to none: they
//! are drawn as artifacts.
//!
//! ```text
//! Document
//!   Div (sender)      P per entry
//!   Div (recipient)   P per entry
//!   P (place, date)   H1 (heading)   P (reference)
//!   H2 / P / L (LI: Lbl "•", LBody)  … the body, in order
//!   P (closing)
//!   Div (signatures)  Div per signature: P name, P role
//!   P ("Vedlegg:")    L (LI: Lbl, LBody) the attachments
//! ```

/// A standard structure type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Document,
    Div,
    P,
    H1,
    H2,
    L,
    LI,
    Lbl,
    LBody,
}

impl Role {
    /// The structure type's name in the PDF.
    pub(super) fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Div => "Div",
            Role::P => "P",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
        }
    }
}

/// One structure element: its type and its parent (the root has itself as parent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Node {
    pub(super) role: Role,
    pub(super) parent: usize,
}

/// The tree, in document order: a node always comes after its parent, and children in order.
#[derive(Debug, Clone)]
pub(super) struct Tree {
    pub(super) nodes: Vec<Node>,
}

/// The root (`Document`).
pub(super) const ROOT: usize = 0;

impl Default for Tree {
    fn default() -> Self {
        Tree {
            nodes: vec![Node {
                role: Role::Document,
                parent: ROOT,
            }],
        }
    }
}

impl Tree {
    /// Adds a node under `parent` and returns it.
    pub(super) fn add(&mut self, role: Role, parent: usize) -> usize {
        self.nodes.push(Node { role, parent });
        self.nodes.len() - 1
    }

    /// The children of every node, in order.
    pub(super) fn children(&self) -> Vec<Vec<usize>> {
        let mut kids = vec![Vec::new(); self.nodes.len()];
        for (i, n) in self.nodes.iter().enumerate().skip(1) {
            kids[n.parent].push(i);
        }
        kids
    }
}

/// What a text on the page is, for marking it: part of a structure element (a leaf of the
/// tree), or an artifact (the running header, the page number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Node(usize),
    Header,
    Footer,
}
