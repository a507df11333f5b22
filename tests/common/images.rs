//! Pictures made at test time, for the envelope's tests and benches (no binary asset committed).
//! Shared by `tests/` (through `common`) and `benches/render.rs` (through `#[path]`).

/// A JPEG of noise (which compresses badly, so its size is easy to steer), `w`×`h`, with an
/// EXIF orientation when given.
pub fn noise_jpeg(w: u16, h: u16, orientation: Option<u8>) -> Vec<u8> {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let pixels: Vec<u8> = (0..usize::from(w) * usize::from(h) * 3)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect();
    let mut out = Vec::new();
    let mut enc = jpeg_encoder::Encoder::new(&mut out, 90);
    if let Some(o) = orientation {
        let mut exif = b"Exif\0\0II*\0\x08\0\0\0\x01\0".to_vec();
        exif.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0, o, 0, 0, 0, 0, 0, 0, 0]);
        enc.add_app_segment(1, &exif).expect("exif");
    }
    enc.encode(&pixels, w, h, jpeg_encoder::ColorType::Rgb)
        .expect("jpeg");
    out
}
