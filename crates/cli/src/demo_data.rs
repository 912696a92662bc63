//! `relais demo-data`: a realistic dump of several people with their care circles, plans,
//! finalised AGGIR evaluations and a few hundred transmissions, replies, corrections and
//! acknowledgements.
//!
//! Generated from a fixed seed, so tests, benchmarks and the demo all see the same data.

mod evaluation;
mod plan;

use relais_core::dump::Dump;
use relais_core::seeded::SplitMix64;
use relais_core::{
    Acknowledgement, Author, CareCircle, CategoryCatalogue, CategoryId, EntryLink, Member, Person, Role,
    SubjectId, Timestamp, Transmission, TransmissionDraft, Urgency,
};

const PEOPLE: [(&str, &str, (i32, u32, u32)); 6] = [
    ("Jeanne", "Dupont", (1936, 4, 2)),
    ("Marcel", "Durand", (1931, 11, 17)),
    ("Odette", "Lefèvre", (1940, 1, 23)),
    ("Henri", "Moreau", (1938, 6, 9)),
    ("Simone", "Garnier", (1934, 9, 30)),
    ("Lucien", "Fabre", (1942, 2, 14)),
];

const MEMBERS: [(&str, &str, Role, Option<&str>); 6] = [
    ("aline.martin", "Aline Martin", Role::AideADomicile, Some("SAAD Les Tilleuls")),
    ("karim.benali", "Karim Benali", Role::AideADomicile, Some("SAAD Les Tilleuls")),
    ("nadia.roux", "Nadia Roux", Role::InfirmierLiberal, Some("Cabinet infirmier du Centre")),
    ("claire.petit", "Claire Petit", Role::GestionnaireDeCas, Some("DAC Val de Loire")),
    ("dr.lambert", "Dr Paul Lambert", Role::MedecinTraitant, Some("Maison de santé des Halles")),
    ("famille", "", Role::ProcheAidant, None),
];

/// (category, urgency, text) of the usual transmissions, most frequent first.
const NOTES: [(&str, Urgency, &str); 16] = [
    ("passage", Urgency::Information, "RAS, passage effectué. Toilette et petit-déjeuner faits."),
    ("alimentation", Urgency::Information, "Repas pris en entier, a bien bu (1 L environ)."),
    ("alimentation", Urgency::ASurveiller, "Repas non pris ce midi, dit ne pas avoir faim."),
    ("hygiene", Urgency::Information, "Douche faite avec aide, peau sans rougeur."),
    ("mobilite-chute", Urgency::Alerte, "Retrouvée au sol dans la cuisine, relevée sans blessure apparente."),
    ("mobilite-chute", Urgency::ASurveiller, "Marche plus hésitante, utilise le déambulateur."),
    ("sante-douleur", Urgency::ASurveiller, "Se plaint de douleurs au genou droit depuis hier."),
    ("traitement", Urgency::Information, "Pilulier du matin pris devant moi."),
    ("traitement", Urgency::ASurveiller, "Pilulier du soir encore plein ce matin."),
    ("moral-comportement", Urgency::ASurveiller, "Moral bas, parle beaucoup de son mari."),
    ("vie-sociale", Urgency::Information, "Sortie au marché avec sa voisine, contente."),
    ("courses-logistique", Urgency::Information, "Produit à racheter : lait, protections, café."),
    ("domicile-securite", Urgency::ASurveiller, "Le détecteur de fumée bipe, pile à changer."),
    ("rendez-vous", Urgency::Information, "Rendez-vous chez l'ophtalmologue jeudi 14 h, taxi réservé."),
    ("demande", Urgency::Information, "Demande si la coiffeuse peut passer la semaine prochaine."),
    ("changement-planning", Urgency::Information, "Remplacement de l'aide du mardi par Karim la semaine prochaine."),
];

const REPLIES: [&str; 4] = [
    "Bien noté, merci.",
    "J'ai prévenu le médecin traitant.",
    "Je passe demain matin pour voir.",
    "Merci, je m'en occupe ce week-end.",
];

/// How much data to generate.
pub struct Size {
    pub people: usize,
    pub entries_per_person: usize,
}

/// 1 November 2026, 07:00 UTC: the dump spans the weeks after it.
const START_MS: i64 = 1_793_516_400_000;

pub fn generate(size: &Size) -> Dump {
    let mut rng = SplitMix64::new(0x5eed_2026);
    let mut dump = Dump::default();
    for index in 0..size.people {
        let (person, circle) = person_and_circle(index);
        let transmissions = book(&mut rng, &person.id, circle.members(), size.entries_per_person);
        dump.acknowledgements.extend(acknowledgements(&mut rng, &transmissions, circle.members()));
        dump.transmissions.extend(transmissions);
        dump.plans.push(plan::plan(index, &person, circle.members()));
        dump.evaluations.push(evaluation::evaluation(index, &person, circle.members()));
        dump.people.push(person);
        dump.care_circles.push(circle);
    }
    dump
}

fn person_and_circle(index: usize) -> (Person, CareCircle) {
    let (given, family, (y, m, d)) = PEOPLE[index % PEOPLE.len()];
    let round = index / PEOPLE.len();
    let id = SubjectId::new(&format!("usager-{}-{}{}", index + 1, family.to_lowercase(), if round > 0 { format!("-{round}") } else { String::new() }))
        .expect("generated ids are valid");
    let members = MEMBERS
        .iter()
        .map(|&(actor_id, name, role, organisation)| {
            let (actor_id, name) = if role == Role::ProcheAidant {
                (format!("famille-{}", id.as_str()), format!("{} {family}", ["Sophie", "Luc", "Anne"][index % 3]))
            } else {
                (actor_id.to_owned(), name.to_owned())
            };
            Member {
                actor: Author::new(&actor_id, &name, role).expect("generated authors are valid"),
                organisation: organisation.map(str::to_owned),
            }
        })
        .collect();
    let person = Person {
        id: id.clone(),
        given_name: given.to_owned(),
        family_name: family.to_owned(),
        birth_date: chrono::NaiveDate::from_ymd_opt(y, m, d),
        ins: None,
    };
    (person, CareCircle::new(id, members).expect("members are distinct"))
}

fn book(rng: &mut SplitMix64, subject: &SubjectId, members: &[Member], count: usize) -> Vec<Transmission> {
    let catalogue = CategoryCatalogue::french_defaults();
    let writers: Vec<&Member> = members.iter().filter(|m| m.actor.role() != Role::MedecinTraitant).collect();
    let mut entries: Vec<Transmission> = Vec::with_capacity(count);
    let mut at = START_MS;
    for n in 0..count {
        at += 3_600_000 * (2 + rng.below(10) as i64) + rng.below(3_600_000) as i64;
        let draft = next_draft(rng, &entries, n);
        let author = &rng.pick(&writers).actor;
        let entry = Transmission::create(&draft, subject.clone(), author.clone(), &catalogue, Timestamp::from_unix_ms(at), rng.bytes())
            .expect("generated drafts are valid");
        entries.push(entry);
    }
    entries
}

/// Mostly plain notes; every 7th a reply to a recent entry, every 23rd a correction.
fn next_draft(rng: &mut SplitMix64, earlier: &[Transmission], n: usize) -> TransmissionDraft {
    let recent = earlier.len().checked_sub(1 + rng.below(3)).map(|i| &earlier[i]);
    match recent {
        Some(target) if n % 23 == 22 => {
            let mut draft = TransmissionDraft::new(target.category.clone(), target.urgency, format!("Correction : {}", target.text.as_str()));
            draft.link = EntryLink::Corrects(target.id);
            draft
        }
        Some(target) if n % 7 == 6 => {
            let mut draft = TransmissionDraft::new(target.category.clone(), Urgency::Information, *rng.pick(&REPLIES));
            draft.link = EntryLink::ReplyTo(target.id);
            draft
        }
        _ => {
            let (category, urgency, text) = NOTES[rng.below(NOTES.len()).min(rng.below(NOTES.len()))];
            let mut draft = TransmissionDraft::new(CategoryId::new(category), urgency, text);
            draft.vigilance = urgency != Urgency::Information && rng.below(3) == 0;
            draft
        }
    }
}

/// Most members acknowledge each vigilance point within a day; some never do.
fn acknowledgements(rng: &mut SplitMix64, entries: &[Transmission], members: &[Member]) -> Vec<Acknowledgement> {
    let mut acks = Vec::new();
    for entry in entries.iter().filter(|t| t.vigilance) {
        for member in members.iter().filter(|m| m.actor.id() != entry.author.id()) {
            if rng.below(4) == 0 {
                continue;
            }
            let delay = 600_000 + rng.below(86_400_000) as i64;
            acks.push(Acknowledgement {
                entry: entry.id,
                by: member.actor.clone(),
                at: Timestamp::from_unix_ms(entry.created_at.unix_ms() + delay),
            });
        }
    }
    acks
}
