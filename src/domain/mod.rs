//! The domain: services, law, deadlines, case validation and letter composition.
//!
//! Pure: std, serde and chrono only. Nothing here knows of terminals, PDF or files.

pub mod attachment;
pub mod case;
pub mod compose;
pub mod contact;
pub mod dates;
pub mod deadline;
pub mod law;
pub mod letter;
pub mod municipality;
pub mod postcode;
pub mod routing;
pub mod service;
pub mod situation;
pub mod standing;
pub mod timeline;
