//! The parts of the widget loaded after the welcome screen. In the release build (feature
//! `split`) the questionnaire and the results are separate WebAssembly chunks, cut out of the
//! module by the post-build step (`build/split.mjs`) at the split points below: the first
//! screen loads only the app shell, the welcome screen, the configuration and the language
//! choice. Both chunks are fetched as soon as the welcome screen is painted ([`prefetch`]), so
//! a patient never waits on a tap; a chunk that cannot be loaded (the network gone in the
//! middle of a consultation) shows a message with "Try again", and the answers stay.
//!
//! Without the feature (tests, development builds) the same screens are linked in and shown
//! directly.

use yew::prelude::*;

#[cfg(feature = "split")]
pub use split::{prefetch, Lazy, QuestionsPart, ResultsPart};

/// The questionnaire part: the current question or the review.
pub fn questionnaire(lang: &AttrValue) -> Html {
    #[cfg(feature = "split")]
    return html! { <Lazy<QuestionsPart> lang={lang.clone()} /> };
    #[cfg(not(feature = "split"))]
    {
        let _ = lang;
        html! { <super::screens::Questionnaire /> }
    }
}

/// The results part.
pub fn results(lang: &AttrValue) -> Html {
    #[cfg(feature = "split")]
    return html! { <Lazy<ResultsPart> lang={lang.clone()} /> };
    #[cfg(not(feature = "split"))]
    {
        let _ = lang;
        html! { <super::screens::ResultsScreen /> }
    }
}

/// Fetches the parts loaded later (nothing to do when they are linked in).
#[cfg(not(feature = "split"))]
pub fn prefetch() {}

#[cfg(feature = "split")]
mod split {
    use std::cell::Cell;
    use std::future::Future;
    use std::marker::PhantomData;
    use std::thread::LocalKey;

    use wasm_split_helpers::{wasm_split, SplitLoaderError};
    use yew::prelude::*;

    use crate::i18n::t;

    /// Renders a part; a function in the part's chunk.
    pub type View = fn() -> Html;

    /// A part that lives in a chunk of its own.
    pub trait LazyPart: 'static {
        /// Loads the chunk (a split point) and returns its view.
        fn load() -> impl Future<Output = Result<View, SplitLoaderError>>;
        /// The view once loaded, so later mounts render at once.
        fn loaded() -> &'static LocalKey<Cell<Option<View>>>;
    }

    /// The questionnaire's chunk.
    pub struct QuestionsPart;

    /// The results' chunk.
    pub struct ResultsPart;

    #[wasm_split(questions, fallible)]
    fn questions_view() -> Result<View, SplitLoaderError> {
        Ok(|| html! { <crate::components::screens::Questionnaire /> })
    }

    #[wasm_split(results, fallible)]
    fn results_view() -> Result<View, SplitLoaderError> {
        Ok(|| html! { <crate::components::screens::ResultsScreen /> })
    }

    thread_local! {
        // The loaded views: a module's code, loaded once per page like the main module.
        static QUESTIONS: Cell<Option<View>> = const { Cell::new(None) };
        static RESULTS: Cell<Option<View>> = const { Cell::new(None) };
    }

    impl LazyPart for QuestionsPart {
        fn load() -> impl Future<Output = Result<View, SplitLoaderError>> {
            questions_view()
        }
        fn loaded() -> &'static LocalKey<Cell<Option<View>>> {
            &QUESTIONS
        }
    }

    impl LazyPart for ResultsPart {
        fn load() -> impl Future<Output = Result<View, SplitLoaderError>> {
            results_view()
        }
        fn loaded() -> &'static LocalKey<Cell<Option<View>>> {
            &RESULTS
        }
    }

    async fn fetch<P: LazyPart>() -> Option<View> {
        let view = P::load().await.ok()?;
        P::loaded().with(|loaded| loaded.set(Some(view)));
        Some(view)
    }

    /// Fetches both chunks in the background (a failure is retried when the part is shown).
    pub fn prefetch() {
        wasm_bindgen_futures::spawn_local(async {
            fetch::<QuestionsPart>().await;
            fetch::<ResultsPart>().await;
        });
    }

    enum State {
        Loading,
        Failed,
        Ready(View),
    }

    /// What a load ends in, or "Try again".
    pub enum Msg {
        Loaded(Option<View>),
        Retry,
    }

    /// Properties of [`Lazy`].
    #[derive(Properties, PartialEq)]
    pub struct LazyProps {
        /// The language of the loading and failure messages.
        pub lang: AttrValue,
    }

    /// Shows part `P`, loading its chunk first if needed. A struct component (one message
    /// type, no hooks) keeps what the first screen pays for it small.
    pub struct Lazy<P: LazyPart> {
        state: State,
        part: PhantomData<P>,
    }

    impl<P: LazyPart> Lazy<P> {
        fn start_loading(ctx: &Context<Self>) -> State {
            ctx.link()
                .send_future(async { Msg::Loaded(fetch::<P>().await) });
            State::Loading
        }
    }

    impl<P: LazyPart> Component for Lazy<P> {
        type Message = Msg;
        type Properties = LazyProps;

        fn create(ctx: &Context<Self>) -> Self {
            let state = match P::loaded().with(Cell::get) {
                Some(view) => State::Ready(view),
                None => Self::start_loading(ctx),
            };
            Lazy {
                state,
                part: PhantomData,
            }
        }

        fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
            self.state = match msg {
                Msg::Loaded(Some(view)) => State::Ready(view),
                Msg::Loaded(None) => State::Failed,
                Msg::Retry => Self::start_loading(ctx),
            };
            true
        }

        fn view(&self, ctx: &Context<Self>) -> Html {
            let lang = ctx.props().lang.as_str();
            match self.state {
                State::Ready(view) => view(),
                State::Loading => html! {
                    <section class="sc-screen sc-part-loading" data-part-loading="">
                        <p role="status">{ t(lang, "part_loading") }</p>
                    </section>
                },
                State::Failed => html! {
                    <section class="sc-screen sc-part-failed" data-part-failed="">
                        <p role="alert">{ t(lang, "part_failed") }</p>
                        <button type="button" class="sc-button sc-primary"
                            onclick={ctx.link().callback(|_| Msg::Retry)}>{ t(lang, "part_retry") }</button>
                    </section>
                },
            }
        }
    }
}
