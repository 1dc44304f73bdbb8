//! Quote pairing, done once per paragraph for the whole document.
//!
//! Each quote mark is classified by its neighbours (is the space on its left
//! or on its right?), apostrophes and inch marks are set aside, and the rest
//! are paired. What cannot be paired is recorded as a `QuoteProblem` for the
//! `quotes/*` rules; the pairs also tell other rules what is quoted speech.

use super::Span;
use crate::lexicon;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotePair {
    pub open: Span,
    pub close: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteProblem {
    /// An opener with no closer in its paragraph (and no continuation).
    Unclosed { open: Span },
    /// A closer with no opener.
    Unopened { close: Span },
    /// One opener followed by two closers: `first` closed the quotation too
    /// early, and `second` is where it should have closed.
    MisplacedClose { first: Span, second: Span },
    /// A curly mark that faces the wrong way for the role it plays.
    WrongDirection { mark: Span, expected: char },
    /// A pair that mixes curly and straight marks.
    MixedPair { open: Span, close: Span },
}

#[derive(Debug, Default, Clone)]
pub struct Quotes {
    pub pairs: Vec<QuotePair>,
    pub problems: Vec<QuoteProblem>,
    /// Quoted regions, sorted and not overlapping.
    regions: Vec<Span>,
}

impl Quotes {
    /// Whether `offset` lies inside quoted speech.
    pub fn is_quoted(&self, offset: usize) -> bool {
        let i = self.regions.partition_point(|r| r.end <= offset);
        self.regions.get(i).is_some_and(|r| r.start <= offset)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Ignore,
}

fn is_opening_context(ch: Option<char>) -> bool {
    match ch {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '«' | '„'
                )
        }
    }
}

fn is_closing_context(ch: Option<char>) -> bool {
    match ch {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | '”'
                        | '’'
                        | '»'
                        | '…'
                )
        }
    }
}

fn word_after(text: &str, from: usize) -> &str {
    let rest = &text[from..];
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Whether a leading apostrophe at `at` elides letters (`’em`, `’90s`).
fn is_elision(text: &str, after: usize, next: Option<char>) -> bool {
    next.is_some_and(|c| c.is_ascii_digit())
        || lexicon::is_in(lexicon::ELISIONS, word_after(text, after))
}

struct Mark {
    span: Span,
    glyph: char,
}

/// Pairs the quote marks of every paragraph. `paragraphs` are sorted spans.
/// Pairs the quote marks of each paragraph. `marks` are the document's
/// marks (see `Document::marks`), which hold every quote mark.
pub fn analyse(text: &str, paragraphs: &[Span], marks: &[usize]) -> Quotes {
    let mut quotes = Quotes::default();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let next_opens_with_quote = paragraphs.get(index + 1).is_some_and(|next| {
            text[next.start..next.end]
                .trim_start()
                .starts_with(['“', '"', '«', '„', '‘'])
        });
        analyse_paragraph(
            text,
            *paragraph,
            &marks[super::mark_range(marks, *paragraph)],
            next_opens_with_quote,
            &mut quotes,
        );
    }
    quotes.regions.sort_by_key(|r| r.start);
    quotes
}

fn analyse_paragraph(
    text: &str,
    paragraph: Span,
    marks: &[usize],
    continues: bool,
    quotes: &mut Quotes,
) {
    let body = &text[paragraph.start..paragraph.end];
    let mut open_double: Option<Mark> = None;
    let mut open_single: Option<Mark> = None;
    let mut last_closed_double: Option<QuotePair> = None;
    // Every quote mark is a mark: plain ASCII between marks is skipped.
    for &at in marks {
        let i = at - paragraph.start;
        let Some(ch) = body[i..].chars().next() else {
            continue;
        };
        if ch.is_ascii() && ch != '"' && ch != '\'' {
            continue;
        }
        let prev = body[..i].chars().next_back();
        let next = body[i + ch.len_utf8()..].chars().next();
        let span = Span::new(at, at + ch.len_utf8());
        let left_open = is_opening_context(prev);
        let right_open = is_closing_context(next);
        match ch {
            '"' | '“' | '”' | '„' | '«' | '»' | '「' | '」' | '『' | '』' => {
                let role = match ch {
                    '"' => {
                        if open_double.is_none() && prev_is_digit(body, i) && !left_open {
                            Role::Ignore // an inch or second mark: 5" screen
                        } else if left_open && !right_open {
                            Role::Open
                        } else if (!left_open && right_open) || open_double.is_some() {
                            Role::Close
                        } else {
                            Role::Open
                        }
                    }
                    '“' => {
                        let german_close = open_double.as_ref().is_some_and(|m| m.glyph == '„');
                        if german_close || (!left_open && right_open) {
                            Role::Close
                        } else {
                            Role::Open
                        }
                    }
                    '”' => {
                        if left_open && !right_open && open_double.is_none() {
                            Role::Open
                        } else {
                            Role::Close
                        }
                    }
                    '„' | '«' | '「' | '『' => Role::Open,
                    _ => Role::Close,
                };
                let german = open_double.as_ref().is_some_and(|m| m.glyph == '„');
                if ch == '“' && role == Role::Close && !german {
                    quotes.problems.push(QuoteProblem::WrongDirection {
                        mark: span,
                        expected: '”',
                    });
                }
                if ch == '”' && role == Role::Open {
                    quotes.problems.push(QuoteProblem::WrongDirection {
                        mark: span,
                        expected: '“',
                    });
                }
                match role {
                    Role::Open => {
                        if let Some(previous) = open_double.take() {
                            quotes.problems.push(QuoteProblem::Unclosed {
                                open: previous.span,
                            });
                        }
                        open_double = Some(Mark { span, glyph: ch });
                        last_closed_double = None;
                    }
                    Role::Close => {
                        if let Some(open) = open_double.take() {
                            let mixed = (open.glyph == '"') != (ch == '"');
                            if mixed {
                                quotes.problems.push(QuoteProblem::MixedPair {
                                    open: open.span,
                                    close: span,
                                });
                            }
                            let pair = QuotePair {
                                open: open.span,
                                close: span,
                            };
                            quotes.pairs.push(pair);
                            quotes.regions.push(Span::new(open.span.start, span.end));
                            last_closed_double = Some(pair);
                        } else if let Some(pair) = last_closed_double.take() {
                            quotes.problems.push(QuoteProblem::MisplacedClose {
                                first: pair.close,
                                second: span,
                            });
                        } else {
                            quotes.problems.push(QuoteProblem::Unopened { close: span });
                        }
                    }
                    Role::Ignore => {}
                }
            }
            '\'' | '‘' | '’' => {
                let prev_alnum = body[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let next_alnum = next.is_some_and(char::is_alphanumeric);
                let after = span.end;
                let role = if prev_alnum && next_alnum {
                    Role::Ignore // Russia’s, can't
                } else if left_open && next_alnum {
                    if is_elision(text, after, next) || ch == '’' {
                        Role::Ignore // ’em, ’90s, rock ’n’ roll
                    } else {
                        Role::Open
                    }
                } else if !left_open && right_open {
                    if open_single.is_some() {
                        Role::Close
                    } else {
                        Role::Ignore // States’, goin'
                    }
                } else {
                    Role::Ignore
                };
                match role {
                    Role::Open => {
                        if let Some(previous) = open_single.take()
                            && previous.glyph == '‘'
                        {
                            quotes.problems.push(QuoteProblem::Unclosed {
                                open: previous.span,
                            });
                        }
                        open_single = Some(Mark { span, glyph: ch });
                    }
                    Role::Close => {
                        if let Some(open) = open_single.take() {
                            if ch == '‘' {
                                quotes.problems.push(QuoteProblem::WrongDirection {
                                    mark: span,
                                    expected: '’',
                                });
                            }
                            quotes.pairs.push(QuotePair {
                                open: open.span,
                                close: span,
                            });
                            quotes.regions.push(Span::new(open.span.start, span.end));
                        }
                    }
                    Role::Ignore => {}
                }
            }
            _ => {}
        }
    }
    // Only a quotation that goes on in the next paragraph is quoted speech;
    // text after an unclosed mark is judged as the reporter's own.
    if let Some(open) = open_double {
        if continues {
            quotes
                .regions
                .push(Span::new(open.span.start, paragraph.end));
        } else {
            quotes
                .problems
                .push(QuoteProblem::Unclosed { open: open.span });
        }
    }
    if let Some(open) = open_single
        && open.glyph == '‘'
        && !continues
    {
        quotes
            .problems
            .push(QuoteProblem::Unclosed { open: open.span });
    }
}

fn prev_is_digit(body: &str, i: usize) -> bool {
    body[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<QuoteProblem> {
        analyse(
            text,
            &[Span::new(0, text.len())],
            &crate::document::find_marks(text),
        )
        .problems
    }

    fn at(text: &str, needle: &str, nth: usize) -> Span {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        Span::new(start, start + needle.len())
    }

    #[test]
    fn curly_pair_is_clean() {
        assert!(problems("He said “yes” and left.").is_empty());
    }

    #[test]
    fn straight_pair_is_clean() {
        assert!(problems("He said \"yes\" and left.").is_empty());
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        for text in [
            "Russia’s army and the States’ rights.",
            "In the ’90s they played rock ’n’ roll.",
            "We were goin’ home to see ’em.",
            "It can't be the farmers' fault.",
        ] {
            assert!(problems(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn inch_and_foot_marks_are_not_quotes() {
        assert!(problems("A 5\" screen on a 3'6\" stand.").is_empty());
    }

    #[test]
    fn unclosed_opener_is_found() {
        let text = "He said “yes and left.";
        assert_eq!(
            problems(text),
            vec![QuoteProblem::Unclosed {
                open: at(text, "“", 0)
            }]
        );
    }

    #[test]
    fn quotation_may_run_into_a_paragraph_that_reopens() {
        let text = "“It began here.\n\n“And it went on,” she said.";
        let quotes = analyse(
            text,
            &[Span::new(0, 15), Span::new(17, text.len())],
            &crate::document::find_marks(text),
        );
        assert!(quotes.problems.is_empty());
    }

    #[test]
    fn second_closer_is_a_misplaced_close() {
        let text = "He said, “We hope.” Which is why. “Not” here.”";
        let found = problems(text);
        assert_eq!(
            found,
            vec![QuoteProblem::MisplacedClose {
                first: at(text, "”", 1),
                second: at(text, "”", 2),
            }]
        );
    }

    #[test]
    fn direct_double_close_is_misplaced() {
        let text = "“One.” Two.”";
        assert_eq!(
            problems(text),
            vec![QuoteProblem::MisplacedClose {
                first: at(text, "”", 0),
                second: at(text, "”", 1),
            }]
        );
    }

    #[test]
    fn lone_closer_is_unopened() {
        let text = "The plan worked.” Then it rained.";
        assert_eq!(
            problems(text),
            vec![QuoteProblem::Unopened {
                close: at(text, "”", 0)
            }]
        );
    }

    #[test]
    fn closer_used_as_opener_faces_the_wrong_way() {
        let text = "He said ”yes” today.";
        assert_eq!(
            problems(text),
            vec![QuoteProblem::WrongDirection {
                mark: at(text, "”", 0),
                expected: '“'
            }]
        );
    }

    #[test]
    fn mixed_pair_is_found() {
        let text = "He said “yes\" today.";
        assert!(matches!(
            problems(text).as_slice(),
            [QuoteProblem::MixedPair { .. }]
        ));
    }

    #[test]
    fn german_low_high_quotes_pair() {
        assert!(problems("Er sagte „ja“ und ging.").is_empty());
    }

    #[test]
    fn japanese_corner_brackets_pair() {
        assert!(problems("彼は「はい」と言った。").is_empty());
        assert!(matches!(
            problems("彼は「はいと言った。").as_slice(),
            [QuoteProblem::Unclosed { .. }]
        ));
    }

    #[test]
    fn french_guillemets_pair() {
        assert!(problems("Il a dit « oui » hier.").is_empty());
    }

    #[test]
    fn quoted_regions_cover_the_speech() {
        let text = "He said “yes now” and left.";
        let quotes = analyse(
            text,
            &[Span::new(0, text.len())],
            &crate::document::find_marks(text),
        );
        assert!(quotes.is_quoted(text.find("now").unwrap()));
        assert!(!quotes.is_quoted(text.find("left").unwrap()));
    }
}
