//! `check`'s side of comparing the two editions of a release: the thread that lints a file
//! compares it at once with a partner already met (so that the work stays parallel); the
//! ordered side then meets files in input order, which decides the pairs (so that the report
//! does not depend on the threads) and redoes the rare comparison a thread could not know.
//! An edition's facts are read only when its partner is there: a run of one language pays
//! for the key of each file, nothing more.

use crate::workspace::Workspace;
use presslint::checks::pair::compare::disagreements;
use presslint::checks::pair::facts::{EditionKey, PairFacts};
use presslint::checks::pair::Pairing;
use presslint::engine::editions::{EditionIndex, PairedKeys};
use presslint::inputs::Input;

use super::ordered::for_each_in_order;

pub struct Editions<'a> {
    workspace: &'a Workspace,
    inputs: &'a [Input],
    stdin_name: &'a str,
    index: EditionIndex,
    /// `--require-pairs`: the keys with editions in two languages.
    required: Option<PairedKeys>,
}

/// What linting a file told of the release it is an edition of.
pub struct Edition {
    pub key: EditionKey,
    /// Read when its partner was waiting as it was linted.
    pub facts: Option<PairFacts>,
}

/// What the ordered side needs to meet one edition.
pub struct Met {
    index: usize,
    edition: Edition,
    /// The partner the linting thread compared it with.
    compared_with: Option<usize>,
    /// Whether the file's part was linted against that partner.
    relinted: bool,
}

impl<'a> Editions<'a> {
    /// With `require`, first reads every input for the key of its release.
    pub fn new(
        workspace: &'a Workspace,
        inputs: &'a [Input],
        stdin_name: &'a str,
        threads: usize,
        require: bool,
    ) -> Self {
        let mut editions = Self {
            workspace,
            inputs,
            stdin_name,
            index: EditionIndex::default(),
            required: None,
        };
        if require {
            editions.required = Some(editions.paired_keys(threads));
        }
        editions
    }

    /// Whether the run may hold two editions of a release (more than one file).
    pub fn compared(&self) -> bool {
        self.inputs.len() > 1
    }

    /// Whether an edition's facts are worth reading as it is linted: its partner waits.
    pub fn wants_facts(&self, key: &EditionKey) -> bool {
        self.index.peek(key).is_some()
    }

    /// On the linting thread, after input `index` was linted (giving `part`): the part,
    /// linted again by `relint` against a partner it disagrees with (or with the note that
    /// it has none, under `--require-pairs`), and what the ordered side needs.
    pub fn after_lint<P>(
        &self,
        index: usize,
        edition: Option<Edition>,
        part: P,
        relint: impl Fn(Option<&Pairing>) -> P,
    ) -> (P, Option<Met>) {
        // Stdin cannot be read again when its partner comes.
        let Some(edition) = edition.filter(|_| self.inputs[index].path().is_some()) else {
            return (part, None);
        };
        if let Some(keys) = &self.required {
            if !keys.has_partner(&edition.key) {
                return (relint(Some(&Pairing::Missing)), None);
            }
        }
        // Compared here only with the partner its facts were read for.
        let compared = edition.facts.as_ref().and_then(|facts| {
            let partner = self.index.peek(&edition.key)?;
            Some((partner, facts, self.partner(partner, facts)))
        });
        let (part, relinted, compared_with) = match compared {
            Some((partner, facts, Some(pairing))) if disagree(facts, &pairing) => {
                (relint(Some(&pairing)), true, Some(partner))
            }
            Some((partner, _, _)) => (part, false, Some(partner)),
            None => (part, false, None),
        };
        let met = Met {
            index,
            edition,
            compared_with,
            relinted,
        };
        (part, Some(met))
    }

    /// In input order: meets the edition, and lints it again when its partner is not the
    /// one its thread compared it with.
    pub fn meet<P>(&self, met: Met, part: P, relint: impl Fn(&Input, Option<&Pairing>) -> P) -> P {
        let partner = self.index.meet(met.index, &met.edition.key);
        if partner == met.compared_with {
            return part;
        }
        let input = &self.inputs[met.index];
        let pairing = partner.and_then(|partner| {
            let facts = match met.edition.facts {
                Some(facts) => facts,
                None => self.facts_of(input)?,
            };
            Some((self.partner(partner, &facts)?, facts))
        });
        match pairing {
            Some((pairing, facts)) if disagree(&facts, &pairing) => relint(input, Some(&pairing)),
            _ if met.relinted => relint(input, None),
            _ => part,
        }
    }

    /// The edition of input `index`, read again, when it is the partner of `facts` (the
    /// index compares keys by hash).
    fn partner(&self, index: usize, facts: &PairFacts) -> Option<Pairing> {
        let input = &self.inputs[index];
        let found = self.facts_of(input)?;
        (found.key == facts.key).then(|| Pairing::Found {
            facts: Box::new(found),
            name: input.name().to_owned(),
        })
    }

    fn facts_of(&self, input: &Input) -> Option<PairFacts> {
        let engine = self
            .workspace
            .engine_for(input.path(), self.stdin_name)
            .ok()?;
        let source = input.path().and_then(|_| input.read().ok())?;
        engine.edition_facts(&source).ok().flatten()
    }

    /// The first pass of `--require-pairs`: every input read and parsed (in parallel) for
    /// the key of its release.
    fn paired_keys(&self, threads: usize) -> PairedKeys {
        let mut keys = PairedKeys::default();
        let _ = for_each_in_order(
            self.inputs,
            threads,
            |input| self.facts_of(input),
            |found| {
                if let Some(found) = found {
                    keys.add(&found.edition());
                }
                Ok::<(), std::convert::Infallible>(())
            },
        );
        keys
    }
}

/// Whether an edition disagrees with its partner in anything a `pair/` rule compares.
fn disagree(facts: &PairFacts, pairing: &Pairing) -> bool {
    match pairing {
        Pairing::Found { facts: other, .. } => !disagreements(facts, other).is_empty(),
        Pairing::Missing => false,
    }
}
