//! omsorgsklage: helps people in Norway complain about municipal care-service decisions.
//!
//! The domain (`domain`) is pure; `render` draws letters as text and PDF; `commands` runs the
//! command line.
#![forbid(unsafe_code)]
#![warn(clippy::unwrap_used)]

pub mod cases_cmd;
pub mod cli;
pub mod commands;
pub mod domain;
pub mod example;
pub mod export;
pub mod fsutil;
pub mod i18n;
pub mod input;
pub mod interview;
pub mod manpage;
pub mod paths;
pub mod plain;
pub mod render;
pub mod settings;
pub mod signals;
pub mod step;
pub mod store;
pub mod summary;
pub mod text_safety;
pub mod timeline;
pub mod tui;
