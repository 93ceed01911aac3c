package org.senda.provision.internal;

import java.util.List;
import org.senda.demo.DemoContributor;
import org.senda.demo.DemoTrust;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo trust's intervention catalogue, shared across the trust: the interventions the seeds name, with the
 * schedules, resources and measures their publishers describe.
 */
@Component
class ProvisionDemoData implements DemoContributor {

  private static final String CL = AreaOfNeed.COGNITION_AND_LEARNING.name();
  private static final String CI = AreaOfNeed.COMMUNICATION_AND_INTERACTION.name();
  private static final String SEMH = AreaOfNeed.SOCIAL_EMOTIONAL_MENTAL_HEALTH.name();
  private static final String SP = AreaOfNeed.SENSORY_AND_PHYSICAL.name();
  private static final String TA = "TEACHING_ASSISTANT";
  private static final String TEACHER = "TEACHER";

  static final List<ProvisionStore.NewIntervention> CATALOGUE = List.of(
      entry("Toe by Toe", CL, "A highly structured phonics-based reading manual, one to one, daily.",
          "https://educationendowmentfoundation.org.uk/education-evidence/teaching-learning-toolkit/phonics",
          1, 5, 20, 20, 2995, "Reading age (months)", TA),
      entry("Numicon intervention", CL, "Multi-sensory number sense teaching with structured apparatus.",
          "https://educationendowmentfoundation.org.uk/education-evidence/guidance-reports/maths-ks-1",
          4, 3, 30, 12, 14500, "Number sense assessment score", TA),
      entry("Numbers Count", CL, "Intensive one-to-one (or small group) numeracy by a trained teacher.",
          "https://www.edgehill.ac.uk/departments/academic/education/every-child-counts/",
          3, 3, 30, 12, 4000, "Sandwell Early Numeracy Test score", TEACHER),
      entry("Talk Boost", CI, "Targeted speech, language and communication programme in small groups.",
          "https://speechandlanguage.org.uk/talk-boost/", 4, 3, 30, 10, 25000,
          "Talk Boost progress tracker score", TA),
      entry("Speech and language therapy programme", CI,
          "Targets set by the speech and language therapist, delivered one to one by a trained TA.",
          "https://www.rcslt.org/", 1, 3, 20, 12, 0, "Therapy targets met (%)", TA),
      entry("Social communication group", CI,
          "Small-group work on turn taking, conversation and understanding others, for autistic pupils.",
          "https://www.autismeducationtrust.org.uk/", 6, 1, 45, 12, 3500, "Social skills checklist score", TA),
      entry("Nurture group", SEMH, "A small class within the school following the six principles of nurture.",
          "https://www.nurtureuk.org/", 10, 5, 90, 36, 60000, "Boxall Profile score", TA),
      entry("Art therapy", SEMH, "Sessions with an art therapist for pupils who find it hard to talk.",
          "https://baat.org/", 1, 1, 50, 12, 120000, "Strengths and Difficulties Questionnaire score", TEACHER),
      entry("Precision teaching", CL, "Short daily timed practice of a small set of facts or words.",
          "https://educationendowmentfoundation.org.uk/", 1, 5, 10, 10, 0, "Correct per minute", TA),
      entry("Fine motor skills group", SP, "Activities to strengthen grip, hand control and handwriting.",
          "https://www.rcot.co.uk/", 6, 2, 30, 10, 6000, "Fine motor checklist score", TA));

  private final ProvisionStore store;
  private final JdbcClient jdbc;

  ProvisionDemoData(ProvisionStore store, JdbcClient jdbc) {
    this.store = store;
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 600;
  }

  @Override
  public boolean hasData() {
    return jdbc.sql("select count(*) from intervention").query(Integer.class).single() > 0;
  }

  @Override
  public void contribute(DemoTrust trust) {
    long trustId = trust.get("demo.trustId");
    for (ProvisionStore.NewIntervention i : CATALOGUE) {
      store.insert(new ProvisionStore.NewIntervention(trustId, null, i.name(), i.areaOfNeed(), i.description(),
          i.evidenceLink(), i.defaultGroupSize(), i.sessionsPerWeek(), i.minutesPerSession(), i.lengthWeeks(),
          i.resourcesCostPence(), i.entryExitMeasure(), i.deliveredByRole()));
    }
  }

  private static ProvisionStore.NewIntervention entry(String name, String area, String description, String link,
      int size, int perWeek, int minutes, int weeks, long pence, String measure, String role) {
    return new ProvisionStore.NewIntervention(0, null, name, area, description, link, size, perWeek, minutes, weeks,
        pence, measure, role);
  }
}
