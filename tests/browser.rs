//! Component tests in a real browser (headless Chromium via wasm-bindgen-test): the widget is
//! mounted into a fresh element and driven through its DOM, as a patient would.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use skin_consult::app::state::{ConsultState, Step};
use skin_consult::i18n::capitalize_first;
use skin_consult::{App, AppProps};
use skin_consult_engine::{assess, builtin_catalog, QuestionKind};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::harmless_answers;

/// Mounts the widget in a new element, starting from `state`.
fn mount(state: ConsultState) -> Element {
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<App>::with_root_and_props(
        host.clone(),
        AppProps {
            initial: Some(Rc::new(state)),
            ..AppProps::default()
        },
    )
    .render();
    host
}

fn fresh(lang: &str) -> ConsultState {
    ConsultState::new(Rc::new(builtin_catalog()), lang.into())
}

/// Waits (yielding to the renderer, bounded) until `selector` matches inside `root`.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..200 {
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        gloo::timers::future::TimeoutFuture::new(5).await;
    }
    panic!("nothing matched {selector} in: {}", root.inner_html());
}

/// Waits until the text of `selector` satisfies `check`.
async fn wait_for_text(root: &Element, selector: &str, check: impl Fn(&str) -> bool) -> String {
    for _ in 0..200 {
        if let Some(found) = root.query_selector(selector).unwrap() {
            let text = found.text_content().unwrap_or_default();
            if check(&text) {
                return text;
            }
        }
        gloo::timers::future::TimeoutFuture::new(5).await;
    }
    panic!(
        "{selector} never had the expected text in: {}",
        root.inner_html()
    );
}

fn click(element: &Element) {
    element.dyn_ref::<HtmlElement>().unwrap().click();
}

fn button_with_text(root: &Element, text: &str) -> Option<Element> {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<Element>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
}

async fn wait_for_button(root: &Element, text: &str) -> Element {
    for _ in 0..200 {
        if let Some(button) = button_with_text(root, text) {
            return button;
        }
        gloo::timers::future::TimeoutFuture::new(5).await;
    }
    panic!("no button {text:?} in: {}", root.inner_html());
}

#[wasm_bindgen_test]
async fn welcome_screen_offers_start_and_says_it_is_not_a_diagnosis() {
    let root = mount(fresh("en"));
    wait_for_button(&root, "Start").await;
    let text = root.text_content().unwrap();
    assert!(text.contains("not a diagnosis"), "{text}");
    assert!(text.contains("stay on this device"), "{text}");
}

#[wasm_bindgen_test]
async fn start_shows_the_first_question_with_progress_and_focus() {
    let catalog = builtin_catalog();
    let root = mount(fresh("en"));
    click(&wait_for_button(&root, "Start").await);
    let first = &catalog.questions[0];
    let heading = wait_for(&root, &format!("[data-question='{}'] h1", first.id)).await;
    assert_eq!(
        heading.text_content().unwrap().trim(),
        first.prompt.get("en")
    );
    let progress = wait_for_text(&root, ".sc-progress", |t| t.starts_with("Question 1 of")).await;
    let total: usize = progress.trim().rsplit(' ').next().unwrap().parse().unwrap();
    assert!(
        total >= 10 && total <= catalog.questions.len(),
        "{progress}"
    );
    // Focus moves in an effect after the render: wait for it (bounded), then check.
    for _ in 0..200 {
        if gloo::utils::document().active_element().as_ref() == Some(&heading) {
            break;
        }
        gloo::timers::future::TimeoutFuture::new(5).await;
    }
    let focused = gloo::utils::document().active_element().unwrap();
    assert_eq!(focused, heading, "focus moves to the question heading");
}

#[wasm_bindgen_test]
async fn next_without_an_answer_explains_inline_and_stays() {
    let catalog = builtin_catalog();
    let root = mount(fresh("en"));
    click(&wait_for_button(&root, "Start").await);
    let first = &catalog.questions[0].id;
    wait_for(&root, &format!("[data-question='{first}']")).await;
    click(&wait_for_button(&root, "Next").await);
    let error = wait_for(&root, ".sc-error[role='alert']").await;
    assert!(!error.text_content().unwrap().trim().is_empty());
    assert!(root
        .query_selector(&format!("[data-question='{first}']"))
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn every_choice_has_a_native_input_with_a_visible_label() {
    let catalog = builtin_catalog();
    let question = catalog
        .questions
        .iter()
        .find(|q| q.kind == QuestionKind::MultiChoice)
        .unwrap();
    let state = ConsultState {
        step: Step::Question(question.id.clone()),
        ..fresh("en")
    };
    let root = mount(state);
    wait_for(&root, "input[type='checkbox']").await;
    let labels = root.query_selector_all("label.sc-option").unwrap();
    assert_eq!(labels.length() as usize, question.options.len());
    for (i, option) in question.options.iter().enumerate() {
        let label = labels
            .item(i as u32)
            .unwrap()
            .dyn_into::<Element>()
            .unwrap();
        assert_eq!(label.text_content().unwrap().trim(), option.label.get("en"));
        assert!(label
            .query_selector("input[type='checkbox']")
            .unwrap()
            .is_some());
    }
    // Toggling a checkbox records the answer.
    let first: HtmlInputElement = root
        .query_selector("input[type='checkbox']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    first.click();
    for _ in 0..200 {
        if first.checked() {
            break;
        }
        gloo::timers::future::TimeoutFuture::new(5).await;
    }
    assert!(first.checked());
}

#[wasm_bindgen_test]
async fn results_show_every_procedure_with_the_engine_status() {
    let catalog = builtin_catalog();
    let answers = harmless_answers(&catalog);
    let assessment = assess(&catalog, &answers);
    let state = ConsultState {
        answers,
        step: Step::Results,
        ..fresh("en")
    };
    let root = mount(state);
    wait_for(&root, "#sc-results-title").await;
    match assessment.referral() {
        Some(_) => {
            wait_for(&root, "[data-outcome='referral']").await;
            assert!(root.query_selector("[data-procedure]").unwrap().is_none());
        }
        None => {
            for result in assessment.results() {
                let selector = format!("[data-procedure='{}']", result.procedure_id);
                let card = wait_for(&root, &selector).await;
                assert_eq!(
                    card.get_attribute("data-status").unwrap(),
                    result.status.as_str(),
                    "{selector}"
                );
            }
        }
    }
    assert!(root.text_content().unwrap().contains("not a diagnosis"));
    assert!(root.query_selector("[data-share-link]").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn switching_language_keeps_step_and_answers() {
    let catalog = builtin_catalog();
    let first = &catalog.questions[0];
    let state = ConsultState {
        step: Step::Question(first.id.clone()),
        ..fresh("en")
    };
    let root = mount(state);
    let select: web_sys::HtmlSelectElement = wait_for(&root, ".sc-language select")
        .await
        .dyn_into()
        .unwrap();
    select.set_value("tr");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    let heading = wait_for_text(&root, &format!("[data-question='{}'] h1", first.id), |t| {
        t.trim() == first.prompt.get("tr")
    })
    .await;
    assert_ne!(heading.trim(), first.prompt.get("en"));
    wait_for_button(&root, "İleri").await;
}

/// In the browser, capitals come from the browser's locale-aware mapping (not Rust's tables):
/// the same results as the native rules, Turkish dotted capital I included.
#[wasm_bindgen_test]
fn capitals_follow_the_language_in_the_browser() {
    for (text, lang, expected) in common::CAPITALISATION {
        assert_eq!(capitalize_first(text, lang), expected, "{text} in {lang}");
    }
}

/// The browser's copy of the catalog leaves out what only clinicians read (sources, notes on
/// disagreeing sources) but still passes every validation rule, so a clinic's reviewed
/// overrides are checked exactly as natively.
#[wasm_bindgen_test]
fn the_browser_catalog_is_valid_without_clinician_metadata() {
    let catalog = builtin_catalog();
    let errors = skin_consult_engine::validate(&catalog);
    assert!(errors.is_empty(), "{}", errors[0]);
    assert!(catalog.procedures.iter().all(|p| p.note.is_none()));
    assert!(catalog.rules.iter().all(|r| r.note.is_none()));
    assert!(catalog
        .rules
        .iter()
        .all(|r| r.sources == ["clinic:catalog.json"]));
    // The review visit's note is for the patient: it stays.
    let review = catalog.scheduling.review.as_ref().expect("review visits");
    assert!(!review.note.get("en").is_empty());
}

#[wasm_bindgen_test]
fn prices_are_formatted_by_the_browser_for_the_patients_language() {
    use skin_consult::host::browser::format_money;
    // Digits grouped the language's way; whole amounts without decimals, others with two.
    let english = format_money(250_000, "GBP", "en");
    assert_eq!(english, "£2,500");
    assert_eq!(format_money(4_950, "GBP", "en"), "£49.50");
    let turkish = format_money(250_000, "TRY", "tr");
    assert!(
        turkish.contains("2.500") && turkish.contains('₺'),
        "{turkish}"
    );
    let turkish_in_english = format_money(250_000, "TRY", "en");
    assert!(
        turkish_in_english.contains("2,500") && turkish_in_english.contains("TRY"),
        "{turkish_in_english}"
    );
}
