//! The page's measurements: A4, the margins, the envelope window (NS 4129), type sizes and the
//! spaces between the parts of a letter. All in PDF points; 1 mm = 72 / 25.4 pt.

pub(super) const MM: f32 = 72.0 / 25.4;
pub(super) const PAGE_W: f32 = 210.0 * MM;
pub(super) const PAGE_H: f32 = 297.0 * MM;
pub(super) const MARGIN_LEFT: f32 = 25.0 * MM;
pub(super) const MARGIN_RIGHT: f32 = 20.0 * MM;
pub(super) const MARGIN_TOP: f32 = 20.0 * MM;
pub(super) const MARGIN_BOTTOM: f32 = 20.0 * MM;
pub(super) const TEXT_W: f32 = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;
/// Height of the text area of every page.
pub(super) const BODY_HEIGHT: f32 = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM;

/// Body text size and line height.
pub(super) const BODY_SIZE: f32 = 11.0;
pub(super) const LEADING: f32 = 1.3;
pub(super) const BODY_LINE: f32 = BODY_SIZE * LEADING;
/// The letter's heading.
pub(super) const TITLE_SIZE: f32 = 13.0;
/// Sender block: a little smaller than the body; shrinks (to 8 pt) if it has many lines.
pub(super) const SENDER_SIZES: [f32; 3] = [10.0, 9.0, 8.0];
/// Recipient block sizes, tried in order until the block fits the envelope window.
pub(super) const RECIPIENT_SIZES: [f32; 4] = [11.0, 10.0, 9.0, 8.0];

/// The sender block must end above this line (from the top edge) to stay out of the window.
pub(super) const SENDER_LIMIT: f32 = 43.0 * MM;
/// The envelope window (NS 4129 / DIN 5008-like): 45–90 mm from the top edge. The address
/// starts 5 mm into it, at the left margin, and is kept 80 mm wide and 2 mm off its bottom.
pub(super) const RECIPIENT_TOP: f32 = 50.0 * MM;
pub(super) const RECIPIENT_LIMIT: f32 = 88.0 * MM;
pub(super) const RECIPIENT_W: f32 = 80.0 * MM;
pub(super) const WINDOW_BOTTOM: f32 = 90.0 * MM;
/// Space between the window area and the place-and-date line.
pub(super) const DATE_GAP: f32 = 3.0 * MM;
/// Space between the place-and-date line and the heading.
pub(super) const TITLE_GAP: f32 = 10.0 * MM;

/// Space between paragraphs, above a section heading, under it, between list items.
pub(super) const PARA_GAP: f32 = 0.6 * BODY_LINE;
pub(super) const SECTION_GAP: f32 = 1.1 * BODY_LINE;
pub(super) const SECTION_AFTER: f32 = 0.15 * BODY_LINE;
pub(super) const ITEM_GAP: f32 = 0.2 * BODY_LINE;
/// Hanging indent of list items, and where the bullet sits.
pub(super) const BULLET_INDENT: f32 = 6.0 * MM;
pub(super) const BULLET_X: f32 = 1.5 * MM;
pub(super) const BULLET: char = '•';

/// Closing and signatures: room for a handwritten signature, and the signature columns.
pub(super) const CLOSING_GAP: f32 = 1.0 * BODY_LINE;
pub(super) const SIGNATURE_SPACE: f32 = 15.0 * MM;
pub(super) const SIGNATURE_COL_W: f32 = 75.0 * MM;
pub(super) const SIGNATURE_COL_STEP: f32 = 85.0 * MM;
pub(super) const SIGNATURE_RULE: f32 = 65.0 * MM;
pub(super) const SIGNATURE_ROW_GAP: f32 = 8.0 * MM;
pub(super) const ROLE_SIZE: f32 = 10.0;
/// Space between the signatures and the attachment list.
pub(super) const ATTACHMENTS_GAP: f32 = 1.5 * BODY_LINE;

/// "Side 1 av 2", right-aligned in the bottom margin.
pub(super) const FOOTER_SIZE: f32 = 9.0;
pub(super) const FOOTER_BASELINE: f32 = 12.0 * MM;
/// The small header of pages after the first (name and reference), in the top margin.
pub(super) const HEADER_BASELINE: f32 = PAGE_H - 12.0 * MM;
