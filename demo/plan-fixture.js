// A plan of three years with 42 visits a week (≈ 6,500 visits), in core's JSON form: the
// fixture the timeline must paint quickly, shared by the demo page and the benchmark.
const service = (code, label, eligible) => ({ code, label_fr: label, tax_credit_eligible: eligible });
const apa = { code: "apa", label_fr: "APA (conseil départemental)", kind: "apa" };

function line(n, svc, provider, time, minutes, rule) {
  const hex = n.toString(16).padStart(12, "0");
  return {
    id: `019e807a-ec00-7000-8000-${hex}`,
    service: svc,
    provider,
    schedule: { dtstart: `2025-01-06T${time}:00`, duration_minutes: minutes, rule, exdates: [] },
    period_start: "2025-01-06",
    period_end: "2027-12-31",
    payer: apa,
    price: { per: "hour", cents: 2450 },
    status: "active",
  };
}

export function largePlan(subject) {
  const help = service("aide-a-domicile", "Aide à domicile", true);
  const nurse = service("soins-infirmiers", "Soins infirmiers", false);
  const meals = service("portage-de-repas", "Portage de repas", true);
  const daily = "FREQ=DAILY;INTERVAL=1";
  return {
    id: "019e807a-ec00-7000-8000-0000000fffff",
    subject,
    plan_type: { code: "plan-aide-apa", label_fr: "Plan d'aide APA", review_cadence: "on-request" },
    title: "Plan d'aide APA – 3 ans, 42 passages par semaine",
    status: "active",
    period_start: "2025-01-06",
    period_end: "2027-12-31",
    gir: 2,
    lines: [
      line(1, help, "Amapa", "08:00", 60, daily),
      line(2, help, "Amapa", "12:00", 45, daily),
      line(3, help, "Amapa", "19:00", 45, daily),
      line(4, nurse, "SSIAD du Pays", "07:30", 30, daily),
      line(5, nurse, "SSIAD du Pays", "18:00", 30, daily),
      line(6, meals, "Les Repas du Val", "11:30", 10, daily),
    ],
    goals: [],
    reviews: [],
    hospital_episodes: [],
  };
}
