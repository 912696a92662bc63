//! A complete national AGGIR grid as the evaluator fills it: sub-variables, the four simple
//! discriminant variables and the seven illustrative ones.
//!
//! This is what a questionnaire produces and what gets stored; the profile the algorithm reads
//! is derived from it, never typed twice, so the two cannot disagree.

use serde::{Deserialize, Serialize};

use super::code::Code;
use super::combine;
use super::explain::Explanation;
use super::profile::Profile;

/// Every answer of the grid, one code each; JSON keys are the variable and sub-variable ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Grid {
    pub communication: Code,
    pub comportement: Code,
    pub orientation_temps: Code,
    pub orientation_espace: Code,
    pub toilette_haut: Code,
    pub toilette_bas: Code,
    pub habillage_haut: Code,
    pub habillage_moyen: Code,
    pub habillage_bas: Code,
    pub se_servir: Code,
    pub manger: Code,
    pub elimination_urinaire: Code,
    pub elimination_fecale: Code,
    pub transferts: Code,
    pub deplacements_interieur: Code,
    pub deplacements_exterieur: Code,
    pub alerter: Code,
    pub illustrative: Illustrative,
}

/// The seven illustrative codes: recorded for the plan d'aide, ignored by the GIR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Illustrative {
    pub gestion: Code,
    pub cuisine: Code,
    pub menage: Code,
    pub transports: Code,
    pub achats: Code,
    pub suivi_du_traitement: Code,
    pub activites_de_temps_libre: Code,
}

impl Grid {
    /// The ten discriminant codes, sub-variables combined by the guide's rules.
    pub fn profile(&self) -> Profile {
        Profile::new([
            combine::coherence(self.communication, self.comportement),
            combine::orientation(self.orientation_temps, self.orientation_espace),
            combine::toilette(self.toilette_haut, self.toilette_bas),
            combine::habillage(self.habillage_haut, self.habillage_moyen, self.habillage_bas),
            combine::alimentation(self.se_servir, self.manger),
            combine::elimination(self.elimination_urinaire, self.elimination_fecale),
            self.transferts,
            self.deplacements_interieur,
            self.deplacements_exterieur,
            self.alerter,
        ])
    }

    pub fn explain(&self) -> Explanation {
        self.profile().explain()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Code::{A, B, C};

    fn grid(code: Code) -> Grid {
        Grid {
            communication: code,
            comportement: code,
            orientation_temps: code,
            orientation_espace: code,
            toilette_haut: code,
            toilette_bas: code,
            habillage_haut: code,
            habillage_moyen: code,
            habillage_bas: code,
            se_servir: code,
            manger: code,
            elimination_urinaire: code,
            elimination_fecale: code,
            transferts: code,
            deplacements_interieur: code,
            deplacements_exterieur: code,
            alerter: code,
            illustrative: illustrative(code),
        }
    }

    fn illustrative(code: Code) -> Illustrative {
        Illustrative {
            gestion: code,
            cuisine: code,
            menage: code,
            transports: code,
            achats: code,
            suivi_du_traitement: code,
            activites_de_temps_libre: code,
        }
    }

    #[test]
    fn sub_variables_land_on_their_variable() {
        let g = Grid {
            comportement: C,
            orientation_espace: B,
            toilette_bas: C,
            habillage_moyen: B,
            se_servir: C,
            elimination_fecale: B,
            transferts: C,
            deplacements_interieur: B,
            deplacements_exterieur: C,
            alerter: B,
            ..grid(A)
        };
        // cohérence AC→C, orientation AB→B, toilette AC→B, habillage ABA→B, alimentation CA→B,
        // élimination AB→B, then the four simple variables as answered.
        assert_eq!(g.profile().to_string(), "CBBBBBCBCB");
    }

    #[test]
    fn extremes_of_the_grid() {
        assert_eq!(grid(A).profile().to_string(), "AAAAAAAAAA");
        assert_eq!(grid(C).profile().to_string(), "CCCCCCCCCC");
        assert_eq!(grid(A).explain().gir.number(), 6);
        assert_eq!(grid(C).explain().gir.number(), 1);
    }

    #[test]
    fn illustrative_variables_never_change_the_result() {
        let bases = [grid(A), grid(B), grid(C), Grid { transferts: B, ..grid(A) }];
        for base in bases {
            let reference = serde_json::to_value(base.explain()).unwrap();
            for code in Code::ALL {
                let changed = Grid { illustrative: illustrative(code), ..base };
                assert_eq!(serde_json::to_value(changed.explain()).unwrap(), reference);
            }
        }
    }

    #[test]
    fn json_keys_are_the_variable_ids() {
        let json = serde_json::to_value(grid(A)).unwrap();
        assert_eq!(json["deplacements-interieur"], "A");
        assert_eq!(json["illustrative"]["suivi-du-traitement"], "A");
        let back: Grid = serde_json::from_value(json).unwrap();
        assert_eq!(back, grid(A));
    }
}
