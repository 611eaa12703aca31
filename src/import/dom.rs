//! Parses a web page with a real HTML5 parser (html5ever, into scraper's tree) and remembers the source line of
//! every element and text, so that what `redress import` reports about a page ("could not place (section-3.html,
//! line 120)") can be found with the browser's View Source.
//!
//! html5ever tells its tree sink the line of each token as it goes; scraper's own sink ignores that, so this
//! module wraps it and notes the line against each node the parser creates. Parsing follows the HTML standard, so
//! a saved page's unclosed `<p>` and `<td>`, stray `</div>`s and misnested tags come out as a browser shows them.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::tendril::{StrTendril, TendrilSink as _};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

/// A parsed page and the source line of its nodes.
pub(crate) struct Dom {
    pub(crate) html: Html,
    lines: HashMap<ego_tree::NodeId, usize>,
}

impl Dom {
    /// The line a node started on (1-based); for a node the parser made up (an implied `<tbody>`), the line of
    /// its nearest ancestor that has one.
    pub(crate) fn line(&self, node: ego_tree::NodeRef<'_, scraper::Node>) -> usize {
        let mut at = Some(node);
        while let Some(n) = at {
            if let Some(l) = self.lines.get(&n.id()) {
                return *l;
            }
            at = n.parent();
        }
        1
    }
}

/// Parses a whole page.
pub(crate) fn parse(text: &str) -> Dom {
    let sink = LineSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        line: Cell::new(1),
        lines: RefCell::new(HashMap::new()),
    };
    let parser = html5ever::driver::parse_document(sink, Default::default());
    parser.one(text)
}

/// scraper's sink, noting the current line against every node created or text appended.
struct LineSink {
    inner: HtmlTreeSink,
    line: Cell<u64>,
    lines: RefCell<HashMap<ego_tree::NodeId, usize>>,
}

impl LineSink {
    fn note(&self, id: ego_tree::NodeId) {
        let line = usize::try_from(self.line.get()).unwrap_or(usize::MAX);
        self.lines.borrow_mut().entry(id).or_insert(line);
    }

    /// Text is merged into the node before it, so the node to note is the parent's last child.
    fn note_text(&self, parent: &ego_tree::NodeId) {
        let last = self
            .inner
            .0
            .borrow()
            .tree
            .get(*parent)
            .and_then(|p| p.last_child())
            .map(|c| c.id());
        if let Some(id) = last {
            self.note(id);
        }
    }
}

impl TreeSink for LineSink {
    type Handle = ego_tree::NodeId;
    type Output = Dom;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Dom {
        Dom {
            lines: self.lines.into_inner(),
            html: self.inner.finish(),
        }
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }

    fn get_document(&self) -> Self::Handle {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a Self::Handle) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }

    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<Attribute>,
        flags: ElementFlags,
    ) -> Self::Handle {
        let id = self.inner.create_element(name, attrs, flags);
        self.note(id);
        id
    }

    fn create_comment(&self, text: StrTendril) -> Self::Handle {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Self::Handle {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &Self::Handle, child: NodeOrText<Self::Handle>) {
        let text = matches!(child, NodeOrText::AppendText(_));
        self.inner.append(parent, child);
        if text {
            self.note_text(parent);
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &Self::Handle,
        prev_element: &Self::Handle,
        child: NodeOrText<Self::Handle>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, node: &Self::Handle) {
        self.inner.mark_script_already_started(node);
    }

    fn pop(&self, node: &Self::Handle) {
        self.inner.pop(node);
    }

    fn get_template_contents(&self, target: &Self::Handle) -> Self::Handle {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &Self::Handle, y: &Self::Handle) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &Self::Handle, new_node: NodeOrText<Self::Handle>) {
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &Self::Handle, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn remove_from_parent(&self, target: &Self::Handle) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &Self::Handle, new_parent: &Self::Handle) {
        self.inner.reparent_children(node, new_parent);
    }

    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_element_knows_its_line() {
        let dom =
            parse("<!doctype html>\n<html><body>\n<p>one</p>\n\n<table><tr><td>two\n</table>");
        let line_of = |name: &str| {
            let sel = scraper::Selector::parse(name).unwrap();
            let el = dom.html.select(&sel).next().unwrap();
            dom.line(*el)
        };
        assert_eq!(line_of("p"), 3);
        assert_eq!(line_of("td"), 5);
        // The parser's implied <tbody> takes its table's line.
        assert_eq!(line_of("tbody"), 5);
    }
}
