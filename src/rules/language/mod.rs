//! Passages in another language than the document's.

pub mod unexpected;
pub mod untranslated;

/// A language's English name and ISO 639-3 code, for messages.
pub(crate) fn describe(lang: whatlang::Lang) -> String {
    format!("{} ({})", lang.eng_name(), lang.code())
}

/// Parses `--lang`: an ISO 639-3 code (`eng`) or a common ISO 639-1 code (`en`).
pub fn parse_lang(code: &str) -> Option<whatlang::Lang> {
    let code = code.trim().to_ascii_lowercase();
    let three = match code.as_str() {
        "en" => "eng",
        "de" => "deu",
        "fr" => "fra",
        "es" => "spa",
        "it" => "ita",
        "pt" => "por",
        "nl" => "nld",
        "ru" => "rus",
        "uk" => "ukr",
        "pl" => "pol",
        "cs" => "ces",
        "sv" => "swe",
        "da" => "dan",
        "fi" => "fin",
        "et" => "est",
        "tr" => "tur",
        "ja" => "jpn",
        "zh" => "cmn",
        "ko" => "kor",
        "ar" => "arb",
        "he" => "heb",
        "hi" => "hin",
        "el" => "ell",
        "ro" => "ron",
        "hu" => "hun",
        "lt" => "lit",
        "lv" => "lav",
        other => other,
    };
    whatlang::Lang::from_code(three)
}
