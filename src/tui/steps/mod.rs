//! The drawing of each step: how a screen of the interview looks. What a step asks, its
//! options, the current answer and what an answer does live in `crate::interview::steps`.
