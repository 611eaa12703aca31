//! Exports: the report made ready to publish somewhere other than a static host.
//!
//! This stage sits beside [`crate::output`]: it takes the pages the build rendered (after every check passed) and
//! writes them into a folder of their own with the same ownership rules as a build. [`cms`] writes HTML fragments
//! for a council's or an association's content management system.

pub(crate) mod cms;
