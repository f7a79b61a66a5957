//! The clinic the widget books with. Until a clinic configures its own, a fictional demo clinic
//! is shown; none of its contact details reach a real person.

/// Contact and booking details of the clinic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clinic {
    /// The clinic's name as shown to patients.
    pub name: String,
    /// A same-origin path of the clinic's logo.
    pub logo: Option<String>,
    /// Phone number in international form, for `tel:` links.
    pub phone: Option<String>,
    /// WhatsApp number in international form, for `https://wa.me/` links.
    pub whatsapp: Option<String>,
    /// E-mail address for `mailto:` links.
    pub email: Option<String>,
    /// An `https:` page where patients book.
    pub booking_url: Option<String>,
}

impl Default for Clinic {
    /// The fictional demo clinic (reserved fictional phone number and example domain).
    fn default() -> Clinic {
        Clinic {
            name: "Lumen Skin Clinic (demo)".into(),
            logo: None,
            phone: Some("+1 555 0100".into()),
            whatsapp: Some("+1 555 0101".into()),
            email: Some("hello@example.com".into()),
            booking_url: Some("https://example.com/book".into()),
        }
    }
}

impl Clinic {
    /// The clinic of a page whose configuration could not be read: no name (neutral wording is
    /// shown instead) and no contacts, so a patient never reaches the demo clinic by mistake.
    pub fn neutral() -> Clinic {
        Clinic {
            name: String::new(),
            logo: None,
            phone: None,
            whatsapp: None,
            email: None,
            booking_url: None,
        }
    }

    /// Whether no name is known (the widget then says "your clinic").
    pub fn is_neutral(&self) -> bool {
        self.name.is_empty()
    }

    /// The name to show in `lang`: the clinic's, else "your clinic".
    pub fn display_name(&self, lang: &str) -> String {
        if self.is_neutral() {
            crate::i18n::t(lang, "your_clinic")
        } else {
            self.name.clone()
        }
    }

    /// The `tel:` link for the phone number (digits and a leading `+` only).
    pub fn tel_href(&self) -> Option<String> {
        let phone = self.phone.as_ref()?;
        let digits: String = phone
            .chars()
            .enumerate()
            .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
            .map(|(_, c)| c)
            .collect();
        (digits.trim_start_matches('+').len() >= 3).then(|| format!("tel:{digits}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tel_links_keep_only_dialable_characters() {
        let mut clinic = Clinic::default();
        assert_eq!(clinic.tel_href().as_deref(), Some("tel:+15550100"));
        clinic.phone = Some("0 (232) 000-00 00".into());
        assert_eq!(clinic.tel_href().as_deref(), Some("tel:02320000000"));
        clinic.phone = Some("call us".into());
        assert_eq!(clinic.tel_href(), None);
        clinic.phone = None;
        assert_eq!(clinic.tel_href(), None);
    }
}
