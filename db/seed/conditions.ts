import "server-only";
import type { NewCondition } from "@/db/schema";

export const CONDITION_SLUGS = [
  "chronic-migraine",
  "cervical-dystonia",
  "neck-shoulder-pain",
  "tmj-jaw-pain",
  "back-pain",
  "muscle-spasm",
] as const;

export type ConditionSlug = (typeof CONDITION_SLUGS)[number];

export type SeedCondition = Omit<NewCondition, "id" | "slug"> & { slug: ConditionSlug };

// The same screening list the intake form highlights (docs/architecture.md, "The trust rule"), so a condition
// page and the form never disagree about who should not be injected.
const SAFETY_SCREENING =
  "They also check for reasons not to inject: a neuromuscular disease such as myasthenia gravis or " +
  "Lambert-Eaton syndrome, pregnancy or breastfeeding, an infection where the injections would go, " +
  "and any past reaction to a botulinum toxin product.";

const URGENT_SPREAD =
  "Rarely, the toxin spreads beyond the treated area and causes weakness far from it, or trouble " +
  "swallowing, speaking or breathing, sometimes weeks later; that needs urgent medical care.";

export const CONDITIONS: readonly SeedCondition[] = [
  {
    slug: "chronic-migraine",
    name: "Chronic migraine",
    sortOrder: 1,
    typicalUnitsLow: 155,
    typicalUnitsHigh: 195,
    summary:
      "Chronic migraine means headache on 15 or more days a month for more than three months, with " +
      "migraine features on at least 8 of those days. Botulinum toxin injections are one of the " +
      "preventive treatments for it, usually offered after other preventive medicines have not helped " +
      "enough or caused side effects.",
    howItWorks:
      "Small doses of botulinum toxin type A are injected just under the skin and into muscles at " +
      "31 to 39 set points across the forehead, temples, back of the head, neck and shoulders (the " +
      "PREEMPT pattern). The toxin blocks the release of chemical messengers from nerve endings, which " +
      "is thought to calm the pain nerves involved in migraine, not only to relax muscles. A session " +
      "takes about 15 to 20 minutes. The dose varies; the usual range with Botox is 155 to 195 units, " +
      "and other brands measure units differently.",
    sideEffects:
      "The usual side effects are brief stinging, small bruises or swelling where the needle goes in, " +
      "and a headache or neck pain in the first days. Some people have neck stiffness or weakness, or " +
      "a drooping eyelid or eyebrow for a few weeks; these wear off as the effect fades. " +
      URGENT_SPREAD,
    expectations:
      "The injections do not cure migraine. The aim is fewer headache days and milder attacks; in " +
      "studies many people had several fewer headache days a month, and some had little or no " +
      "benefit. The effect builds over 1 to 2 weeks and lasts about 3 months, so sessions are repeated " +
      "every 12 weeks. Whether it helps is usually judged after two or three sessions, and a headache " +
      "diary makes that judgement fairer.",
    insuranceNote:
      "Chronic migraine is an FDA-approved use of Botox in adults, so insurers cover it more often " +
      "than other uses, usually only after prior authorization and after two or more other preventive " +
      "medicines have been tried. Many plans still do not cover it, and copays and the number of covered " +
      "sessions vary. Check with your insurer and the provider's office before booking; without " +
      "coverage, the medicine alone for one session usually costs well over a thousand dollars.",
    evaluationNote:
      "Frequent headaches have many causes, including headaches from overusing pain medicine and, " +
      "rarely, conditions that need other tests or treatment. A licensed provider first confirms the " +
      "diagnosis and reviews the treatments you have tried. " +
      SAFETY_SCREENING +
      " A sudden, severe or new kind of headache needs prompt medical attention, not a booking here.",
  },
  {
    slug: "cervical-dystonia",
    name: "Cervical dystonia",
    sortOrder: 2,
    typicalUnitsLow: 120,
    typicalUnitsHigh: 300,
    summary:
      "Cervical dystonia, also called spasmodic torticollis, is a neurological condition in which neck " +
      "muscles contract on their own, pulling the head into a twisted or tilted position and often " +
      "causing neck pain. Botulinum toxin injections are a first-choice treatment for it.",
    howItWorks:
      "The provider injects botulinum toxin into the particular neck and shoulder muscles that pull too " +
      "hard, chosen from an examination and sometimes guided by EMG or ultrasound. The toxin blocks the " +
      "signal from nerve to muscle, so those muscles relax partly, which eases the abnormal posture and " +
      "the pain that comes with it. The dose is set for each person and varies widely, often 120 to 300 " +
      "units of Botox per session (less at the first one), and is adjusted from session to session.",
    sideEffects:
      "Common side effects are soreness, bruising or swelling where the needle goes in, a headache, and " +
      "neck weakness or a feeling that the head is heavy. Trouble swallowing is a known side effect of " +
      "neck injections; it is usually mild and passes within a few weeks, but tell your provider at " +
      "once if eating or drinking becomes hard. " +
      URGENT_SPREAD,
    expectations:
      "Injections do not cure dystonia; they reduce the pulling and the pain for a while. Relief usually " +
      "starts within 1 to 2 weeks, is strongest at about 4 to 6 weeks and wears off after about 3 months, " +
      "so sessions are repeated roughly every 12 weeks. Finding the right muscles and dose can take a few " +
      "sessions, and many people also do physical therapy.",
    insuranceNote:
      "Cervical dystonia is an FDA-approved use of Botox and similar products, so it is one of the uses " +
      "insurers cover most often, usually after prior authorization with a documented diagnosis. What you " +
      "pay still depends on your plan; check with your insurer and the provider's office before the first " +
      "visit.",
    evaluationNote:
      "Other problems can look like dystonia, such as arthritis in the neck, a muscle strain, a problem " +
      "with the eyes or balance, or side effects of some medicines. A licensed provider, often a " +
      "neurologist, confirms the diagnosis and works out which muscles are involved. " +
      SAFETY_SCREENING,
  },
  {
    slug: "neck-shoulder-pain",
    name: "Neck and shoulder pain",
    sortOrder: 3,
    typicalUnitsLow: 50,
    typicalUnitsHigh: 200,
    summary:
      "Long-lasting neck and shoulder pain with tight, tender muscles, knots and neck spasms " +
      "(myofascial pain, muscle tension) sometimes does not settle with exercise, physical therapy and " +
      "medicines. Some providers then offer botulinum toxin injections into the painful muscles as an " +
      "off-label option.",
    howItWorks:
      "Small doses are injected into the tight muscles or tender trigger points of the neck, upper back " +
      "and shoulders. The toxin blocks the nerve signal that makes muscles contract, so overactive " +
      "muscles relax for a few months, and it may also dampen some pain signals. That can make stretching " +
      "and strengthening work easier. The dose varies with how many muscles are treated, often 50 to 200 " +
      "units.",
    sideEffects:
      "Usual side effects are tenderness, bruising or swelling where the needle goes in, and sometimes a " +
      "headache or a flu-like feeling for a day or two. Neck injections can cause neck or shoulder " +
      "weakness and, occasionally, trouble swallowing. " +
      URGENT_SPREAD,
    expectations:
      "Botulinum toxin does not cure neck pain or remove its cause, and research on this use is mixed: " +
      "some people get useful relief and others very little. When it helps, the effect starts within " +
      "1 to 2 weeks and lasts about 3 months. It works best as one part of a plan that includes exercise " +
      "and physical therapy.",
    insuranceNote:
      "Using botulinum toxin for general neck and shoulder pain is off-label, and most insurers do not " +
      "cover it, so expect to pay yourself. Ask for the price per unit and the expected number of units " +
      "before treatment. If the pain comes from cervical dystonia, an approved use, coverage is more " +
      "likely.",
    evaluationNote:
      "Neck pain can come from the joints, discs or nerves of the spine or from the shoulder itself, and " +
      "now and then from problems that need urgent care. A licensed provider examines you, may order " +
      "imaging, and makes sure the muscles are the real source before offering injections. " +
      SAFETY_SCREENING,
  },
  {
    slug: "tmj-jaw-pain",
    name: "TMJ and jaw pain, bruxism",
    sortOrder: 4,
    typicalUnitsLow: 25,
    typicalUnitsHigh: 100,
    summary:
      "Pain in the jaw joint and chewing muscles (temporomandibular disorders, often called TMJ) and " +
      "clenching or grinding of the teeth (bruxism) can cause jaw pain, headaches and worn teeth. " +
      "Botulinum toxin injections into the chewing muscles are an off-label option some dentists and " +
      "doctors offer when simpler treatments have not helped.",
    howItWorks:
      "Small doses are injected into the masseter muscles at the angle of the jaw, and sometimes into " +
      "the temporalis muscles at the temples. The toxin partly weakens these muscles, which lowers the " +
      "force of clenching and grinding and can ease muscle-related jaw pain. It does not treat problems " +
      "inside the joint itself, such as a displaced disc or arthritis. The dose varies, often 25 to 100 " +
      "units in total.",
    sideEffects:
      "Usual side effects are tenderness, bruising or swelling where the needle goes in, and sometimes a " +
      "headache. Chewing tough food can feel tiring for a few weeks. With repeated treatment the " +
      "masseter muscles can become slimmer, which changes the shape of the lower face, and some studies " +
      "suggest repeated sessions may reduce bone density in the jaw. Uncommonly, a smile looks uneven " +
      "for a while if the toxin reaches nearby facial muscles.",
    expectations:
      "Injections do not cure TMJ disorders or bruxism, and the evidence for this use is limited and " +
      "mixed. When it helps, the effect starts within 1 to 2 weeks and lasts about 3 months, sometimes " +
      "longer. It is usually combined with other care such as a night guard, jaw exercises and stress " +
      "management.",
    insuranceNote:
      "Botulinum toxin for TMJ pain and bruxism is off-label, and medical and dental insurance rarely " +
      "cover it, so it is usually self-pay. Ask for the total price, per unit and the expected number of " +
      "units, before you book a treatment.",
    evaluationNote:
      "Jaw pain can come from the teeth, the joint itself, the ears or sinuses, nerve pain and, rarely, " +
      "the heart. A licensed dentist or doctor examines the jaw and teeth, may take images, and confirms " +
      "that the muscles are the main source before offering injections. " +
      SAFETY_SCREENING,
  },
  {
    slug: "back-pain",
    name: "Chronic back pain",
    sortOrder: 5,
    typicalUnitsLow: 200,
    typicalUnitsHigh: 400,
    summary:
      "Back pain that lasts longer than three months is common and usually has more than one cause. " +
      "Botulinum toxin injections into tight back muscles are an off-label option a few specialists " +
      "offer when exercise, physical therapy and other treatments have not given enough relief.",
    howItWorks:
      "The toxin is injected at several points in the muscles along the spine, and sometimes in the " +
      "buttocks and hips. It blocks the nerve signal that makes muscles contract, so tense, overactive " +
      "muscles relax for some months, which may reduce pain and make rehabilitation exercises easier. " +
      "Because back muscles are large, the dose is higher than for the head or face and varies widely, " +
      "often 200 to 400 units.",
    sideEffects:
      "Usual side effects are soreness, bruising or swelling where the needle goes in, and sometimes a " +
      "headache or a short flu-like feeling. Some people notice temporary weakness in the treated " +
      "muscles. Larger doses make spread of the toxin a little more likely. " +
      URGENT_SPREAD,
    expectations:
      "Injections do not cure back pain, and the studies of this use are small with mixed results. When " +
      "it helps, the effect starts within 1 to 2 weeks and lasts about 3 months. It is meant to support, " +
      "not replace, an active plan of exercise and physical therapy.",
    insuranceNote:
      "Botulinum toxin for back pain is off-label and usually not covered by insurance, so it is " +
      "typically self-pay. Because the dose is large, the medicine alone can be costly: ask for the " +
      "price per unit and the expected number of units first.",
    evaluationNote:
      "Back pain can come from discs, joints and nerves, and occasionally from infections, fractures, " +
      "tumors or organs in the abdomen. Numbness in the groin, loss of bladder or bowel control, fever " +
      "or unexplained weight loss need urgent care. A licensed provider examines you and decides whether " +
      "imaging is needed before any injection. " +
      SAFETY_SCREENING,
  },
  {
    slug: "muscle-spasm",
    name: "Muscle spasm and myofascial pain",
    sortOrder: 6,
    typicalUnitsLow: 50,
    typicalUnitsHigh: 200,
    summary:
      "Muscle spasms are sudden, involuntary tightenings of a muscle; myofascial pain is lasting pain " +
      "from tight bands and tender knots (trigger points) in muscles, often with constant muscle " +
      "tension. When stretching, physical therapy and medicines are not enough, some providers offer " +
      "botulinum toxin injections into the affected muscles.",
    howItWorks:
      "The toxin is injected into the muscles that spasm or hold trigger points, sometimes guided by " +
      "ultrasound or EMG. It blocks the nerve signal that tells the muscle to contract, so the muscle " +
      "relaxes partly for a few months. That can ease spasms and pain and give physical therapy a window " +
      "to work. The dose depends on how many muscles are treated and how large they are, often 50 to 200 " +
      "units.",
    sideEffects:
      "Usual side effects are soreness, bruising or swelling where the needle goes in, sometimes a " +
      "headache or brief flu-like symptoms, and temporary weakness of the treated muscle. " +
      URGENT_SPREAD,
    expectations:
      "Injections do not cure the cause of spasms. For myofascial pain the research is mixed, and some " +
      "people get little benefit. When it works, relief begins within 1 to 2 weeks and lasts about " +
      "3 months, so treatment is repeated if it helps, usually no more often than every 12 weeks.",
    insuranceNote:
      "For muscle spasms and myofascial pain, botulinum toxin is off-label and usually self-pay. " +
      "Spasticity, the stiff and tight muscles that can follow a stroke or brain or spinal cord injury " +
      "or come with multiple sclerosis, is a different, FDA-approved use that insurers cover more often " +
      "after prior authorization; ask your provider which applies to you.",
    evaluationNote:
      "Spasms and muscle pain can be signs of other problems, such as a pinched nerve, low potassium or " +
      "magnesium, side effects of medicines, or diseases of nerves and muscles. A licensed provider looks " +
      "for the cause first. " +
      SAFETY_SCREENING,
  },
];
