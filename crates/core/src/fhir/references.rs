//! What a plan's import needs from the bundle around it: the resources by full URL and the
//! people and authors already read.

use crate::{Author, SubjectId};
use serde_json::Value;

pub trait Resolve {
    fn resource(&self, reference: &Value) -> Option<&Value>;
    fn subject(&self, reference: &Value) -> Result<SubjectId, String>;
    fn actor(&self, reference: &Value) -> Result<Author, String>;
}
