//! QR codes of share links, drawn as one SVG path so a patient can carry the results from the
//! clinic's tablet to their own phone without any server.

use qrcodegen::{QrCode, QrCodeEcc};

/// The light margin around the code, in modules (the standard asks for four).
pub const QUIET_ZONE: i32 = 4;

/// A QR code as SVG: the `viewBox` side and the path of its dark modules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrSvg {
    /// Side of the square `viewBox`, quiet zone included.
    pub side: i32,
    /// Path data: one `M x y h1 v1 h-1 z` square per dark module.
    pub path: String,
}

/// Encodes `text` (medium error correction), or `None` if it is too long for any QR version.
pub fn qr_svg(text: &str) -> Option<QrSvg> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let mut path = String::new();
    for y in 0..code.size() {
        for x in 0..code.size() {
            if code.get_module(x, y) {
                path.push_str(&format!("M{} {}h1v1h-1z", x + QUIET_ZONE, y + QUIET_ZONE));
            }
        }
    }
    Some(QrSvg {
        side: code.size() + 2 * QUIET_ZONE,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_link_becomes_a_valid_square_code() {
        let link = "https://clinic.example/consult/#sc1;age=30;skin_type=oily;concerns=acne,dullness;k=0123abcd";
        let svg = qr_svg(link).expect("fits in a QR code");
        let modules = svg.side - 2 * QUIET_ZONE;
        assert!(
            (21..=177).contains(&modules) && (modules - 21) % 4 == 0,
            "a QR side is 21 + 4k: {modules}"
        );
        // The three finder patterns put dark modules in the corners of the code area.
        for (x, y) in [(0, 0), (modules - 1, 0), (0, modules - 1)] {
            let square = format!("M{} {}h1v1h-1z", x + QUIET_ZONE, y + QUIET_ZONE);
            assert!(svg.path.contains(&square), "finder module at {x},{y}");
        }
        assert!(!svg.path.contains(&format!(
            "M{} {}h1",
            modules - 1 + QUIET_ZONE,
            modules - 1 + QUIET_ZONE
        )));
    }

    #[test]
    fn longer_text_needs_a_bigger_code_and_too_long_text_none() {
        let short = qr_svg("https://a.example/#sc1;k=00000000").unwrap();
        let long = qr_svg(&format!("https://a.example/#{}", "x".repeat(600))).unwrap();
        assert!(long.side > short.side);
        assert_eq!(qr_svg(&"x".repeat(5000)), None);
    }
}
