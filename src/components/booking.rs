//! "Book a consultation": the clinic's phone, e-mail and booking page.

use std::rc::Rc;

use yew::prelude::*;

use crate::clinic::Clinic;
use crate::i18n::{t, tf};

/// Properties of [`Booking`].
#[derive(Properties, PartialEq)]
pub struct BookingProps {
    /// The clinic to book with.
    pub clinic: Rc<Clinic>,
    /// Display language.
    pub lang: AttrValue,
}

/// The call to action at the end of the results.
#[component(Booking)]
pub fn booking(props: &BookingProps) -> Html {
    let lang = props.lang.as_str();
    let clinic = &props.clinic;
    html! {
        <section class="sc-booking" aria-labelledby="sc-booking-title">
            <h2 id="sc-booking-title">{ t(lang, "book_title") }</h2>
            <p>{ tf(lang, "book_lead", &[("clinic", &clinic.name)]) }</p>
            <div class="sc-actions">
                if let Some(url) = &clinic.booking_url {
                    <a class="sc-button sc-primary" href={url.clone()} target="_blank" rel="noopener noreferrer">
                        { t(lang, "book_online") }
                    </a>
                }
                if let (Some(href), Some(phone)) = (clinic.tel_href(), &clinic.phone) {
                    <a class="sc-button sc-secondary" href={href}>{ tf(lang, "call", &[("phone", phone)]) }</a>
                }
                if let Some(email) = &clinic.email {
                    <a class="sc-button sc-secondary" href={format!("mailto:{email}")}>{ t(lang, "email") }</a>
                }
            </div>
        </section>
    }
}
