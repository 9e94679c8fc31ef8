//! Pagination: stacks blocks onto pages.
//!
//! A block (the title, a heading, an item, a source) is kept whole unless it
//! is taller than a page; a block marked keep-with-next (a section heading)
//! never ends a page. Space before a block is dropped at the top of a page.
//! A block on a sheet of its own (the wallet card) starts on an odd page.

use super::{Item, Page};

/// A unit of content, positioned relative to its own top left corner.
#[derive(Debug, Clone, Default)]
pub(crate) struct Block {
    /// Height in points.
    pub height: f32,
    /// Space above it, unless it starts a page.
    pub space_before: f32,
    /// Must share a page with the block after it.
    pub keep_with_next: bool,
    /// Content, with `y` measured from the block's top.
    pub items: Vec<Item>,
    /// Starts a new page.
    pub break_before: bool,
    /// Starts on the front of a new sheet (an odd page), a blank page
    /// coming before it if need be, so printing on both sides puts nothing
    /// on its back but what follows it.
    pub own_sheet: bool,
    /// Title of its outline entry, if it gets one.
    pub bookmark: Option<String>,
    /// May break across pages between its lines (running text, not items).
    pub splittable: bool,
    /// What kind of part of the document it is.
    pub part: super::Part,
}

/// Of a block that may split, at least this much goes on the page where it starts.
const SPLIT_MIN: f32 = 48.0;

/// What of a block must fit where it starts: all of it, or the first
/// lines of one that may split.
fn must_fit(b: &Block) -> f32 {
    if b.splittable {
        b.height.min(SPLIT_MIN)
    } else {
        b.height
    }
}

/// At the head of a chain of keep-with-next blocks, the room the rest of
/// the chain and the block after it need (each block's space before and
/// what must fit of it); nothing for a block inside a chain.
fn chain_after(keeps: &[(f32, f32, bool)], i: usize) -> f32 {
    if i > 0 && keeps[i - 1].2 {
        return 0.0;
    }
    let mut needed = 0.0;
    let mut j = i;
    while keeps[j].2 && j + 1 < keeps.len() {
        j += 1;
        needed += keeps[j].0 + keeps[j].1;
    }
    needed
}

/// The text area of a page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Area {
    /// Page width in points.
    pub page_width: f32,
    /// Page height in points.
    pub page_height: f32,
    /// Top of the text area.
    pub top: f32,
    /// Bottom of the text area.
    pub bottom: f32,
}

/// Places `blocks` on as many pages as they need; also returns the page
/// (from 0) and the top each block starts at.
pub(crate) fn paginate(blocks: Vec<Block>, area: Area) -> (Vec<Page>, Vec<(usize, f32)>) {
    let mut pages: Vec<Vec<Item>> = vec![Vec::new()];
    let mut starts = Vec::with_capacity(blocks.len());
    let mut y = area.top;
    let keeps: Vec<(f32, f32, bool)> = blocks
        .iter()
        .map(|b| (b.space_before, must_fit(b), b.keep_with_next))
        .collect();
    for (i, block) in blocks.into_iter().enumerate() {
        if block.break_before && pages.last().is_some_and(|p| !p.is_empty()) {
            pages.push(Vec::new());
            y = area.top;
        }
        if block.own_sheet && pages.len().is_multiple_of(2) {
            pages.push(Vec::new());
            y = area.top;
        }
        let at_top = y == area.top;
        let space = if at_top { 0.0 } else { block.space_before };
        let needed = space + must_fit(&block) + chain_after(&keeps, i);
        // A chain that does not fit moves to a fresh page even when it will
        // not fit there either: its last block would start a page anyway
        // (below), and a heading must not stay behind. So does a block
        // taller than a page, which then runs over.
        let fresh_page = !at_top
            && (y + needed > area.bottom
                || (!block.splittable && y + space + block.height > area.bottom));
        if fresh_page {
            pages.push(Vec::new());
            y = area.top;
        } else {
            y += space;
        }
        let mut offset = y;
        starts.push((pages.len() - 1, offset));
        for mut item in block.items {
            let (top, bottom) = item.vertical_extent();
            if offset + bottom > area.bottom + 0.01 && offset + top > area.top && top > 0.0 {
                // A block that may split, or one taller than a page, continues on the next.
                pages.push(Vec::new());
                offset = area.top - top;
            }
            item.shift(0.0, offset);
            if let Some(page) = pages.last_mut() {
                page.push(item);
            }
        }
        y = offset + block.height;
    }
    let pages = pages
        .into_iter()
        .map(|items| Page {
            width: area.page_width,
            height: area.page_height,
            items,
        })
        .collect();
    (pages, starts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Tag;

    const AREA: Area = Area {
        page_width: 200.0,
        page_height: 300.0,
        top: 20.0,
        bottom: 280.0,
    };

    /// A block `height` tall holding one tick box at its top.
    fn block(height: f32) -> Block {
        Block {
            height,
            space_before: 10.0,
            items: vec![Item::TickBox {
                x: 0.0,
                y: 0.0,
                size: 5.0,
                field: None,
                tag: Tag::default(),
            }],
            ..Block::default()
        }
    }

    fn pages_of(blocks: Vec<Block>) -> Vec<usize> {
        paginate(blocks, AREA).1.iter().map(|s| s.0).collect()
    }

    #[test]
    fn blocks_stack_and_space_is_dropped_at_the_top_of_a_page() {
        let (pages, starts) = paginate(vec![block(100.0), block(100.0), block(100.0)], AREA);
        assert_eq!(pages.len(), 2);
        assert_eq!(starts, vec![(0, 20.0), (0, 130.0), (1, 20.0)]);
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        let mut heading = block(20.0);
        heading.keep_with_next = true;
        // 20 + 100 + 10 + 100 + 10 + 20 = 260: the heading fits, its item does not.
        let blocks = vec![block(100.0), block(100.0), heading, block(40.0)];
        assert_eq!(pages_of(blocks), vec![0, 0, 1, 1]);
    }

    #[test]
    fn break_before_starts_a_page_unless_the_page_is_empty() {
        let mut first = block(10.0);
        first.break_before = true;
        let mut second = block(10.0);
        second.break_before = true;
        assert_eq!(pages_of(vec![first, block(10.0), second]), vec![0, 0, 1]);
    }

    #[test]
    fn a_block_taller_than_a_page_runs_over() {
        let mut tall = block(400.0);
        tall.items.push(Item::TickBox {
            x: 0.0,
            y: 300.0,
            size: 5.0,
            field: None,
            tag: Tag::default(),
        });
        let (pages, starts) = paginate(vec![block(10.0), tall], AREA);
        assert_eq!(starts[1], (1, 20.0));
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[2].items.len(), 1);
    }
}
