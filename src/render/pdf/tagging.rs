//! The tagged PDF: the structure tree (ISO 32000-1 14.7–14.8) over the marked content the
//! writer drew. Each text of the letter is in a `BDC /P << /MCID n >> … EMC` sequence; here the
//! structure elements are written with their marked content as kids, the parent tree that maps
//! each page's MCIDs back to their elements, and the catalog's /MarkInfo and /StructTreeRoot.
//! Running headers, page numbers and rules are `/Artifact` sequences and belong to no element.

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::structure::{ROOT, Tree};

/// Which marked-content sequences the writer opened: for each page the element of each MCID
/// (MCIDs are numbered from 0 on each page), and for each element its sequences in order.
pub(super) struct Marked {
    /// `pages[p][mcid]` = the element.
    pages: Vec<Vec<usize>>,
    /// `kids[node]` = (page, mcid) in drawing order.
    kids: Vec<Vec<(usize, usize)>>,
}

impl Marked {
    pub(super) fn new(nodes: usize, pages: usize) -> Self {
        Marked {
            pages: vec![Vec::new(); pages],
            kids: vec![Vec::new(); nodes],
        }
    }

    /// A new sequence of `node` on `page`; returns its MCID.
    pub(super) fn add(&mut self, page: usize, node: usize) -> usize {
        let mcid = self.pages[page].len();
        self.pages[page].push(node);
        self.kids[node].push((page, mcid));
        mcid
    }
}

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// Writes the structure tree of `tree` over the marked content in `marked` into `doc` (the
/// letter as printpdf made it: its pages in order).
pub(super) fn add_structure(
    doc: &mut Document,
    tree: &Tree,
    marked: &Marked,
) -> Result<(), lopdf::Error> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let children = tree.children();
    // An element is written when it has content, itself or below it; empty ones are left out
    // (an empty role line, an address block with no lines).
    let mut has = vec![false; tree.nodes.len()];
    for i in (0..tree.nodes.len()).rev() {
        has[i] = !marked.kids[i].is_empty() || children[i].iter().any(|&c| has[c]);
    }
    let ids: Vec<Option<ObjectId>> = has
        .iter()
        .map(|&h| h.then(|| doc.new_object_id()))
        .collect();
    let root_id = doc.new_object_id();

    for (i, node) in tree.nodes.iter().enumerate() {
        let Some(id) = ids[i] else { continue };
        let mut elem = Dictionary::new();
        elem.set("Type", name("StructElem"));
        elem.set("S", name(node.role.name()));
        let parent = if i == ROOT {
            root_id
        } else {
            ids[node.parent].unwrap_or(root_id)
        };
        elem.set("P", Object::Reference(parent));
        let mut k: Vec<Object> = Vec::new();
        if let Some(&(first, _)) = marked.kids[i].first()
            && let Some(&page) = pages.get(first)
        {
            elem.set("Pg", Object::Reference(page));
            for &(p, mcid) in &marked.kids[i] {
                if p == first {
                    k.push(Object::Integer(mcid as i64));
                } else if let Some(&pg) = pages.get(p) {
                    // On another page than the element's /Pg: a marked-content reference.
                    let mut mcr = Dictionary::new();
                    mcr.set("Type", name("MCR"));
                    mcr.set("Pg", Object::Reference(pg));
                    mcr.set("MCID", Object::Integer(mcid as i64));
                    k.push(Object::Dictionary(mcr));
                }
            }
        }
        k.extend(
            children[i]
                .iter()
                .filter_map(|&c| ids[c])
                .map(Object::Reference),
        );
        elem.set(
            "K",
            if k.len() == 1 {
                k.remove(0)
            } else {
                Object::Array(k)
            },
        );
        doc.objects.insert(id, Object::Dictionary(elem));
    }

    // The parent tree: page p (its /StructParents p) → the element of each of its MCIDs.
    let mut nums = Vec::with_capacity(pages.len() * 2);
    for (p, &page) in pages.iter().enumerate() {
        let elems: Vec<Object> = marked
            .pages
            .get(p)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
            .iter()
            .map(|&node| ids[node].map_or(Object::Null, Object::Reference))
            .collect();
        nums.push(Object::Integer(p as i64));
        nums.push(Object::Array(elems));
        let page = doc.get_dictionary_mut(page)?;
        page.set("StructParents", Object::Integer(p as i64));
        // Tab order follows the structure (PDF/UA); the letter has no annotations, but a
        // reader that adds some (a note, a signature field) keeps the order right.
        page.set("Tabs", name("S"));
    }
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", Object::Array(nums));
    let parent_tree_id = doc.add_object(parent_tree);

    let mut root = Dictionary::new();
    root.set("Type", name("StructTreeRoot"));
    if let Some(doc_id) = ids[ROOT] {
        root.set("K", Object::Reference(doc_id));
    }
    root.set("ParentTree", Object::Reference(parent_tree_id));
    root.set("ParentTreeNextKey", Object::Integer(pages.len() as i64));
    doc.objects.insert(root_id, Object::Dictionary(root));

    let catalog = doc.catalog_mut()?;
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark_info));
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    Ok(())
}
