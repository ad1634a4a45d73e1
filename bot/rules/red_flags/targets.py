"""Target rules: the phrasings that name a red-flag finding, per kind of finding.

Phrases are in the notation of `dsl` and build on the tags of `lexicon`. A match is only a
candidate: ConText (see `modifiers`) then says whether it is denied, someone else's,
hypothetical, long past or gone, and `reading` decides what counts. Numbers (pain scores,
temperatures) are matched as regular expressions over the text, so "38.5°C", "39c", "101F" and
"9/10" read the same however the tokenizer splits them.
"""

from __future__ import annotations

from bot.rules.red_flags.dsl import NEGATIONS
from bot.rules.red_flags.lexicon import CANT

MY = "my|the|both|his|her|one|a|an|this|that|me|your"
SIDE = "left|right|lower|upper|back|front|inner|outer|outside|inside"
PAIN = "pain|pains|painful|ache|aches|aching|achy|hurts|hurt|hurting|sore|soreness|agony"
BODY = "back|bum|butt|tailbone|coccyx|backside|bottom|spine|hip|hips|side|arse|ass|head|butt"
NOT_HELP = "n't|nt|not|never"
WITHIN_THE_DENIAL = f"/(?!(?:{'|'.join(('just', 'only', 'but', 'except', *NEGATIONS))})$).+/{{0,6}}"
"""Up to six tokens, as a gap, that do not turn from a denial to what the member has instead
("no problems, just need to wee a lot" denies a problem; it does not lose the urge)."""
AWARE = (
    "know|knowing|tell|telling|feel|feeling|sense|sensing|realise|realising|realize|realizing"
    "|notice|noticing"
)
"""Verbs of noticing a body signal ("not feeling when my bladder is full")."""
DRIBBLE = "dribble|dribbles|dribbling|dribbled|dribbly|trickle|trickles|trickling|trickled|drips"
SPREAD = "shooting|burning|radiating|tingling|tingly|numb|throbbing|aching|affected"
"""What a second leg does when sciatica or numbness spreads to it."""
IMPACT = (
    "tackled|tackle|tackling|barged|kicked|kneed|elbowed|rammed|clattered|flattened|crunched"
    "|sacked|speared|slammed|smashed|struck|whacked|thumped|walloped|clobbered|collided"
    "|collision|landed|thrown|scrum|ruck",
    "got|was|been|get|getting hit|whacked|struck|smashed|punched|booted|knocked|smacked",
    "hit|punched|smacked|booted|bashed|knocked|whacked|struck me|my",
    "took|take|taking|taken a knee|boot|kick|hit|whack|knock|blow|elbow|shoulder|tackle",
)
"""Blows and collisions in sport or a scuffle, for a crack or snap heard with them."""
CRACK = "crack|cracked|cracking|snap|snapped|snapping|pop|popped|popping|crunch|crunched"

TARGET_PHRASES: dict[str, tuple[str, ...]] = {
    # ------------------------------------------------------------------ cauda equina
    "saddle_numbness": (
        "@NUMB _{0,4} @SADDLE",
        "@SADDLE _{0,4} @NUMB",
        # where, said after a turn: "mine's numb too, but around my bum"
        "@NUMB _{0,3} but|just|only around|round|in|on|down my|the? @SADDLE",
        # a denial of one thing, then the finding: "my bum isn't sore but it is numb" (a gap never
        # crosses a negation, so the denial is spelled out)
        "@SADDLE is|'s|was|does n't|nt|not sore|painful|hurting|achy|hurt but|just it|its|it's"
        " 's|is|feels|feel? @NUMB",
        "@SADDLE isnt|wasnt|doesnt sore|painful|hurting|achy|hurt but|just it|its|it's 's|is|feels"
        "|feel? @NUMB",
        "@SADDLE _{0,3} feels|feel|feeling|felt|is|'s|are|has|have|went|gone|going _{0,2} @ALTERED",
        "@ALTERED feeling|feelings|sensation _{0,3} @SADDLE",
        "@NUMB|ALTERED _{0,4} @WIPE",
        "@WIPE _{0,6} @NUMB|ALTERED",
        # "on wiping after opening my bowels, the sensation was quite different"
        "@WIPE _{0,8} sensation|feeling _{0,3} @ALTERED",
        # "wiping feels like it's somebody else's bum"
        "@WIPE _{0,6} like|as _{0,3} someone|somebody|sombody|anyone else|elses",
        "@WIPE _{0,6} like|as _{0,3} another person|persons|one|ones",
        "saddle anaesthesia|anesthesia|numbness|~numbness",
        "like i|im 'm|am|'ve|ve|'d|was? been? sitting|sat on _{0,6} @NUMB|ALTERED",
        "@NUMB|ALTERED _{0,6} like i|im 'm|am|was? sitting|sat on",
        "@NUMB _{0,2} when|while|if i? sit|sitting|sat on the|a? @TOILET|TRY_GO",
        # numbness, then where it has got to: "the numb bit ..., it's up my inner thigh too"
        "@NUMB _{0,12} it|its|it's|they|is|now|also|spread|spreading|spreads|moved|gone|going|went"
        "|creeping _{0,3} in|up|round|around|into|to|down|over my|the|both? @SADDLE",
        "@NUMB _{0,3} n't|nt|not just|only _{0,6} it|its|it's|they|is|now|also|spread|spreading"
        "|spreads|moved|gone|going|went|creeping _{0,3} in|up|round|around|into|to|down|over my"
        "|the|both? @SADDLE",
        "@NUMB _{0,2} when|while|if i? sit|sitting|sat on the|a|my? seat|loo",
        "@NUMB|ALTERED back there",
        # "I don't feel my glutes and my intimate area"
        "do|does|did n't|nt|not feel|sense my|the _{0,3} @SADDLE",
        "dont|doesnt|didnt feel|sense my|the _{0,3} @SADDLE",
    ),
    "bladder": (
        f"{CANT} start|get|really|properly|even? @PEE",
        "@UNABLE really|properly|even|actually|fully|just|normally? @PEE",
        "@UNABLE start|begin|get|manage|have|do|go|force|push|squeeze|pass|finish|produce _{0,3} "
        "@PEE",
        "@UNABLE _{0,3} @PEE _{0,1} going|started|start|starting|flowing|flow|out|come|coming",
        "@UNABLE _{0,2} started|start|going|flowing _{0,5} @PEE|TOILET|TRY_GO",
        "@BLADDER|PEE|TOILET|TRY_GO _{0,10} @UNABLE go|wee|pee properly|normally|fully|right",
        "@UNABLE _{0,1} empty|emptying|control|hold|tell|sense _{0,3} @BLADDER|PEE",
        "@UNABLE empty|emptying|finish|finishing _{0,6} @TOILET|TRY_GO|PEE|BLADDER",
        "@UNABLE empty|emptying|finish|finishing _{0,6} go|going",
        "@UNABLE empty|emptying fully|completely|properly",
        f"{CANT} feel when|if i|im|i'm 'm|am? going|weeing|peeing|passing",
        "@TOILET|TRY_GO|PEE|BLADDER _{0,8} never|n't|nt|not feels|feel|feeling empty|emptied"
        "|finished",
        "@NUMB _{0,3} @BLADDER",
        f"@PEE|BLADDER|TOILET|TRY_GO _{{0,8}} only|just|barely|merely a? tiny|little|small? "
        f"{DRIBBLE}|drop|drops",
        f"{DRIBBLE} out|when|whenever",
        f"out|comes|coming|came in|as|a _{{0,1}} {DRIBBLE}",
        "stop|stops|stopping and? start|starts|starting _{0,3} @PEE|STREAM",
        "@PEE|STREAM _{0,4} stop|stops|stopping and? start|starts|starting",
        f"{NOT_HELP}|no|barely|hardly {AWARE} _{{0,2}} when|if|that|whether i? "
        "need|needs|needed|have|has|want|got|gotta to? go|wee|pee|the|a",
        f"{CANT} empty|emptying _{{0,2}} @BLADDER",
        f"{CANT} go _{{0,2}} @TOILET|TRY_GO",
        "struggling|struggle|struggled|struggles|trouble|difficulty|difficult|hard|problems"
        "|problem|issues|issue|hesitancy|straining|strain|push|pushing|ages|forever|effort|force"
        "|forcing|forced|squeeze|squeezing _{0,3} "
        "@PEE|BLADDER",
        "@BLADDER|PEE _{0,2} problems|problem|issues|issue|trouble|changes|change|weird|funny"
        "|different|strange|odd|wrong|not|n't|nt|playing|acting",
        "only|just @PEE a tiny|little|small bit|amount|drop|trickle",
        "@PEE _{0,4} wo|wont|does|did|will n't|nt|not come|start|flow|go|happen",
        f"@PEE|STREAM _{{0,5}} slowly|weakly|slow|weak|weaker|{DRIBBLE}",
        f"{NOT_HELP} get|feel|getting|feeling|have the? urge|feeling|sensation|signal _{{0,4}} "
        "@PEE|TOILET|TRY_GO|POO",
        "leaked|leaking|leak|wet|peed in|during my? sleep",
        "@PEE _{0,6} feels|feel|feeling like there's|there is|theres more",
        f"{NOT_HELP} even? know|feel|tell|realise|realize|notice _{{0,4}} @PEE|TOILET|TRY_GO",
        "no|lost|losing|reduced|less feeling|sensation _{0,4} @PEE|TOILET|TRY_GO",
        "do|does|did n't|nt|not even? feel|get|have the|any? @URGE",
        "dont|doesnt|didnt even? feel|get|have the|any? @URGE",
        "do|does|did n't|nt|not even? feel like i|you _{0,1} @URGE",
        "dont|doesnt|didnt even? feel like i|you _{0,1} @URGE",
        "no|lost|losing|reduced|less|altered|lose|loss|lack of? @BLADDER|PEE sensation|feeling",
        # "I no longer get the usual sense that my bladder is full"
        "no longer|never get|feel|have|notice the|my|any? usual|normal? sense|feeling|sensation"
        "|urge|signal _{0,4} @BLADDER|PEE|TOILET|TRY_GO",
        "n't|nt|not needed|need to go|wee|pee for /\\d+|ten|twelve|eleven|fourteen/ hours",
        f"{CANT} feel|sense it|bladder _{{0,1}} filling|fill|fills",
        f"{DRIBBLE} _{{0,4}} {CANT} get|getting it going|started|flowing",
        "pelvic floor _{0,3} n't|nt|not|doesnt|wont|stopped respond|responding|work|working",
        # "I went nine hours yesterday without any urge at all"
        "went /\\d+|eight|nine|ten|eleven|twelve|fourteen/ hours _{0,2} without any|an|the? urge"
        "|need|wee|pee",
        "@PEE|BLADDER _{0,2} is|'s|feels|feel|seems|was|been really|so|very? difficult|hard"
        "|tricky|struggle|slow|weak|strange|weird|odd|different",
        "@PEE|STREAM _{0,3} weak|weaker|poor|reduced|stops|stopping|pathetic|feeble|pitiful"
        "|piddly|rubbish|useless",
        "weak|weaker|poor|reduced|feeble @PEE|STREAM",
        "nothing|barely|hardly|little anything|much|really? comes|came|coming out?",
        "urge|urges|need|feeling|sensation _{0,3} @PEE|TOILET|TRY_GO _{0,2} has|'s|have|is? gone"
        "|went"
        "|disappeared|vanished",
        "not|very much|little comes|came|coming out",
        "@BLADDER|PEE _{0,3} feels|feel|still full",
        "feel|feels|still full _{0,3} @PEE|BLADDER|TOILET|TRY_GO",
        f"{NOT_HELP}|no|barely|hardly {AWARE} _{{0,2}} when|if _{{0,4}} @BLADDER|PEE|TOILET|TRY_GO",
        "no|lost|losing|without|zero the? urge|sensation|feeling|need to|of|for? "
        "@PEE|TOILET|TRY_GO",
        "no|lost|losing|without|zero the? urge|urges",
        f"{NOT_HELP} get|feel|getting|feeling the? urge",
        "urinary|bladder|urine ~retention",
        f"{NOT_HELP} get|feel|getting|feeling|have|know the? feeling|urge|sensation|signal|warning"
        " that|when? i|you need|needs|have|want|gotta to? go|wee|pee",
        "retention of urine",
        # formal: "micturition has become incomplete / somewhat hesitant"
        "@PEE _{0,4} incomplete|hesitant|hesitancy|interrupted|intermittent|delayed",
        "sense|feeling|sensation of incomplete emptying|voiding",
        "incomplete emptying|voiding",
        "before the flow commences|starts|begins",
        "@BLADDER _{0,3} n't|nt|not|never|isnt|wont|doesnt fully|properly|completely|really? "
        "emptying|empty|empties|emptied",
        # "cant get it started, stand there for ages"
        f"{CANT} get it started|going _{{0,3}} stand|standing|sit|sitting|wait|waiting _{{0,2}} "
        "ages|forever",
        "@TOILET|TRY_GO|PEE|BLADDER _{0,6} ages|forever|minutes|mins|while before|until|till "
        "_{0,1} "
        "anything|something|it|anymore|any|a|wee|pee|urine _{0,1} happens|comes|starts|flows"
        "|appears|happened|came|started",
        "no idea|clue when|if i? need|needs|have|want to? go|the|a @TOILET|TRY_GO|PEE",
        *(
            "@UNABLE hold|control it|on|in|myself _{0,3} when|till|until|before i? need|needs|get"
            f"|reach|make|have to? {then}"
            for then in ("go", "@TOILET|TRY_GO|PEE")
        ),
        "still|feels|feel full after _{0,2} @PEE",
        f"{NOT_HELP} had|done|been a|any|for? a? proper|decent|real|good|normal|full? "
        "@PEE|TOILET|TRY_GO _{0,1} since|in|all|today|for",
        f"{NOT_HELP} peed|weed|urinated|wee'd since|in|all|today|for",
        "burning|stings|stinging|hurts|painful when|to|while i? @PEE",
        # "feels like I never empty", said after the bladder was named
        "feels|feel|feeling|felt like i|it _{0,2} never|n't|nt|not|cant fully|properly|completely?"
        " empty|emptied|emptying",
        # the urge to go, lost: "I don't get the 'need to go' feeling", "no warning before a poo"
        f"n't|nt|not|never|no|without|lost|losing|lose|zero {WITHIN_THE_DENIAL} @URGE",
        "@URGE _{0,4} gone|vanished|disappeared|went|stopped|missing",
    ),
    "incontinence": (
        "wet|wetting|wets|peed|pee'd|peeing|pissed|pissing|weed|wee'd|weeing|soaked|soiled"
        "|pooed|pooped|shat|poo'd|messed myself|meself",
        "wet|wetting|wets|peed|peeing|pissed|pissing|weed|weeing|soiled|pooed|pooped|messed "
        "the|my bed|pants|trousers|knickers|underwear|undies|jeans|leggings|shorts",
        "bedwetting|bed-wetting|bedwetter",
        "woke|wake|waking|wakes|woken up? in a wet|soaked|soaking bed",
        "woke|wake|waking|wakes|woken up wet|damp last|this|again|and|.|,|!|lol|today|x",
        "leak|leaking|leaked|leaks|leakage _{0,2} urine|pee|wee|myself|everywhere|slightly",
        "leak|leaking|leaked|leaks a bit|little|few|drop|drops",
        "leak|leaking|leaked|leaks when|if i? cough|sneeze|laugh|lift|jump|stand|walk|bend",
        "i|keep|keeps|kept|been|started|start|am|'m|'ve|have|has|had|still leak|leaking|leaked",
        "@BLADDER|PEE _{0,2} leak|leaking|leaks|leaked|leakage",
        "dribble|dribbling|dribbled|dribbles|leaking|leaked|trickling @PEE",
        "having|have|had|get|getting|keep|little|small|tiny|occasional leaks|leak|leakage",
        "pooed|pooped|peed|weed|wet|leaked|soiled|went|wee'd _{0,3} without|not knowing|realising"
        "|realizing|noticing|feeling|meaning",
        "@POO _{0,2} went|opened|emptied|gone|moved on their|its own",
        "wearing|wear|need|needing|needed|using|use|buy|bought|started|start a|an? pads|pad"
        "|nappies|nappy|tena|depends",
        "incontinence pads|pad",
        "lost|losing|lose|loss|no|poor|zero|less of? control _{0,3} @BLADDER|PEE|POO|TOILET|TRY_GO",
        "@BLADDER|POO control",
        "@CONTINENCE",
        f"@PEE _{{0,4}} came|come|comes|coming out _{{0,4}} {NOT_HELP} {AWARE}|felt|noticed"
        "|realised|realized",
        f"{NOT_HELP} {AWARE}|noticed|realised|realized|felt _{{0,3}} wet|peed|pooed|soiled|leaked"
        "|wee'd|weed|pooped",
        "@ACCIDENT _{0,5} @TOILET|TRY_GO|PEE|POO|BLADDER",
        "@ACCIDENT in|on my|the? pants|trousers|knickers|bed|underwear|undies|myself",
        "little|small|slight|few|couple|toilet|bladder|bowel|wee|pee|poo @ACCIDENT",
        "had|having|have|keep|kept|'ve accidents",
        "had|having|have|'ve a|two|three|four|few|several|some|couple _{0,1} accidents",
        "the|my|this|that leaking|leakage|leaks|dribbling|wetting _{0,1} started|starting|began"
        "|begun|is|'s|has|got|getting|came|keeps|happens|happened|again|worse",
        "keep|keeps|kept|been|started|starting|still|always wetting|dribbling|weeing|peeing|leaking"
        " a|myself|meself|bit|little|everywhere|all|now|when|since|again|after|before",
        # "I'm peeing a bit every time I stand up"
        "i|'m|im|am wetting|dribbling|weeing|peeing|leaking a bit|little every|each time",
        f"{NOT_HELP} make|made it to the @TOILET|TRY_GO",
        "find|found|finding|realise|realised|realize|realized|notice|noticed i|i've|ive|myself"
        " 've|ve|have|had|'d? already|just? gone|wet|weed|peed|leaked|soaked",
        "then|and|suddenly|just i 'm|m|am|was _{0,1} wet|soaked|damp|soaking",
        f"{CANT} hold it in",
        # "I've had the odd leak, and on Tuesday I couldn't hold it at all": "it" is the wee
        # only after the bladder was named ("couldn't hold it" alone may be a plank)
        f"leak|leaks|leaking|leaked _{{0,6}} {CANT} hold it",
        f"@PEE|BLADDER|TOILET _{{0,6}} {CANT} hold it",
        f"{CANT} hold|control _{{0,5}} @PEE|BLADDER|POO",
        "passed|opened|emptied a|my? motion|bowels|stool _{0,4} in my sleep",
        "soiled|wet|messed the|my sheets|bed|bedding|mattress",
        "@TOILET|URGE _{0,14} n't|nt|not|never|failed|unable to? make|made|reach|reached it|there"
        "? in time",
        "urgency|urgently _{0,14} n't|nt|not|never|failed|unable to? make|made|reach|reached it"
        "|there? in time",
        "failed|unable to make|reach|get to? the @TOILET in time",
    ),
    "bowel": (
        f"@POO _{{0,4}} came|come|comes|coming out _{{0,4}} {NOT_HELP} {AWARE}|felt|noticed"
        "|realised|realized",
        "urge|urges|need|feeling|sensation _{0,3} @POO _{0,2} has|'s|have|is? gone|went"
        "|disappeared|vanished",
        "no|lost|losing|reduced|less feeling|sensation _{0,4} @POO",
        f"{NOT_HELP} even? know|feel|tell|realise|realize|notice _{{0,4}} @POO",
        "until|till it happened|came|was too late",
        "@POO _{0,4} without|not me? knowing|realising|realizing|noticing|feeling",
        "no|lost|losing|reduced|less|altered|lose|loss|lack of? @POO sensation|feeling",
        f"{CANT} feel|tell|sense|know when|if _{{0,4}} @POO",
        f"{NOT_HELP} know|tell|feel|sense|notice|realise|realize when|if _{{0,3}} @POO",
        f"{CANT} feel|tell|sense|know when|if _{{0,3}} i need|have|want to go",
        "no|lost|losing the? urge|sensation|feeling to|of|for? @POO",
        "lost|losing|lose|loss|no|poor|zero|less of? control _{0,3} wind|farts|farting|gas"
        "|flatulence",
        "lost|losing|lose|loss|no|poor|zero|less of? control _{0,3} @SADDLE",
        f"{CANT} hold|control _{{0,2}} wind|farts|gas|flatulence",
        f"@POO _{{0,6}} {NOT_HELP} even? feel|get|have the|any need|urge",
        "no longer|n't|nt|not|never feel|get|have|getting|feeling the|any need|urge _{0,4} @POO",
    ),
    "sexual": (
        f"{CANT} feel|feal my|the|her|him|his wife|husband|partner|boyfriend|girlfriend|hubby"
        "|missus|man|woman|fella",
        f"{CANT} feel _{{0,3}} sex|intercourse|orgasm|climax",
        "@NUMB|ALTERED _{0,3} during|in|with|having|when|after sex|intercourse",
        "sex|intercourse _{0,3} @NUMB|ALTERED",
        "no|lost|less|reduced sensation|feeling _{0,2} during|in|with sex",
        "erection|erections|hard-on|boner problems|problem|issues|issue|trouble|troubles"
        "|difficulty|difficulties",
        "erectile dysfunction|problems|issues",
        "erection|erections|hard-ons|boners _{0,3} stopped|stop|gone|disappeared|weak|weaker|not"
        "|n't|nt|wont|problems|trouble|issues|difficult|harder|fail|failing|failed",
        "@NUMB|ALTERED _{0,4} bedroom|intimacy|intimate|sex|orgasm|orgasms|climax",
        "bedroom|intimacy|intimate|orgasm|orgasms|climax _{0,4} @NUMB|ALTERED",
        f"{CANT} get|keep|maintain _{{0,1}} erection|hard-on|boner|erect",
        f"{CANT} get it up",
        "trouble|problems|struggling|difficulty getting|keeping|maintaining an? erection",
        "trouble|problems|struggling|difficulty getting|get|keeping|keep|stay|staying hard|erect",
        f"{CANT} get|keep|stay hard|erect",
        *(
            "erection|erections|hard-ons|boners|sex|intercourse _{0,2} are|is|'s|has|have|been? "
            f"a? {never}"
            for never in ("no go", "non starter", "write off", "non existent", "nonstarter")
        ),
    ),
    "both_legs": (
        "@BOTH are|'re|feel|feels|go|went|gone|now|is|both _{0,1} @NUMB",
        "now|also|into|in|to|down|affecting|spread|spreading _{0,2} both|the two|two|2 @LEGS|LEG",
        "now|also|into|in|to|down|affecting|spread|spreading _{0,2} both|the two|two|2 sides",
        "@BOTH @LEGS not just|only",
        # "usually just my left leg. Today it's both"
        "today|now|tonight it|its|it's|they 's|is|are? both",
        # "…sciatica in one leg years ago, now it's in both"
        "now it|they|both? 's|is|are|has|have|'re? spread|gone|moved|travelled|traveled? _{0,1} in"
        "|into|down|to|affecting both",
        "@NUMB|SCIATICA _{0,5} @BOTH _{0,2} @LEG|LEGS",
        "@NUMB|SCIATICA _{0,4} @LEGS",
        "@BOTH _{0,2} @LEG|LEGS _{0,4} @NUMB|SCIATICA",
        "@LEGS _{0,4} @NUMB",
        "@SCIATICA _{0,3} @BOTH",
        "@NUMB|SCIATICA _{0,6} @BOTH",
        "@NUMB _{0,4} waist|hips|hip|pelvis|belly|bum down",
        f"{PAIN}|burning|shooting|electric|stabbing _{{0,2}} down|into|through|along my|the? @LEGS",
        "radiates|radiating|radiated|goes|travels|runs down|into _{0,3} @BOTH _{0,1} @LEG|LEGS",
        "@SCIATICA _{0,8} both|bilateral",
        "@SCIATICA|NUMB _{0,6} other|opposite|second leg|side|foot too|as|now|also|aswell",
        "it|it's|its|they|is|are _{0,2} in|down|into|affecting|on @BOTH _{0,2} @LEG|LEGS",
        "@BOTH _{0,2} @SCIATICA",
        "going|goes|gone|went|spreading|spread|spreads|moving|moved|shooting|shoots|travelling"
        "|traveling|radiating|started|starting|running|jumped|jumping|now _{0,2} "
        # "my other leg", never "my left leg" (one-sided sciatica)
        "down|into|in|to|through|across|over the|my? other|opposite|second|good|better|healthy"
        "|unaffected @LEG|LEGS",
        # "…but now it's going down my right leg too"
        "going|goes|gone|went|spreading|spread|spreads|moving|moved|shooting|shoots|travelling"
        "|traveling|radiating|started|starting|running|jumped|jumping|now _{0,2} "
        "down|into|in|to|through|across|over @OTHER_SIDE @LEG|LEGS @ALSO",
        # "first the left leg, now the right leg has started"
        "now the|my left|right|other|opposite @LEG has|'s|is? started|starting|begun|joined|going"
        "|gone",
        "going|goes|gone|went|spreading|spread|spreads|moving|moved|shooting|shoots|travelling"
        "|traveling|radiating|started|starting|running|jumped|jumping|now _{0,2} "
        "down|into|in|to|through|across|over the|my other|opposite one|side",
        *(
            f"{side} _{{0,2}} {spread}"
            for side in ("@OTHER_SIDE @LEG", "@OTHER_SIDE is|'s|are|has|was|now", "left|right @LEG")
            for spread in (
                "joined|joining|joins",
                f"{SPREAD} _{{0,4}} @ALSO",
                "@NUMB|SCIATICA _{0,4} @ALSO",
                f"{SPREAD} now",
                "@NUMB|SCIATICA now",
                "started|starting|doing|does|done|at it|same|this|that _{0,1} @ALSO",
            )
        ),
        *(
            f"{what} _{{0,6}} and|but|, now? @OTHER_SIDE @LEG? is|'s|are|has|does|feels @ALSO"
            for what in (SPREAD, "@NUMB|SCIATICA")
        ),
        *(
            f"{what} _{{0,4}} left|right|other|opposite @LEG _{{0,1}} now? @ALSO"
            for what in (SPREAD, "@NUMB|SCIATICA")
        ),
        *(
            f"{what} _{{0,6}} @LEG _{{0,2}} {plus} the|my? left|right|other|opposite"
            for what in (SPREAD, "@NUMB|SCIATICA")
            for plus in ("as well as", "aswell as", "plus", "along with")
        ),
        f"{PAIN}|burning|shooting|electric|stabbing|radiating _{{0,2}} "
        "down|into|in|through|along|across|to _{0,3} @BOTH _{0,2} @LEG|LEGS",
        "@BOTH _{0,2} @LEG|LEGS _{0,4} burning|burn|burns|shooting|stabbing|zapping",
        "@SCIATICA x2|\u00d72",
        "@SCIATICA x|times 2|two",
        "no longer confined|restricted|limited|isolated to the|my|one? left|right|one @LEG",
        "not|n't|nt just|only confined|restricted|limited|isolated to the|my|one? left|right|one"
        " @LEG",
        "left|right|other|opposite @LEG _{0,4} similarly|also|likewise|equally|now affected"
        "|involved",
        # "now my right leg has started with it too", "…has started doing the same"
        "left|right|other|opposite @LEG has|'s|is? started|starting|begun|got|getting _{0,2} it"
        "|too|same",
        # "so it's both of them"
        "it|now 's|is both of them|sides|legs",
        "now it|they 's|is|are both @LEGS",
        "extended|spread|spreading|moved|travelled|traveled|gone to|into the|my? left|right @LEG "
        "_{0,1} @ALSO",
    ),
    "leg_weakness": (
        "@LEG|LEGS _{0,3} gave|give|giving|gives|gone|went|going|go way|out",
        "@LEG|LEGS _{0,3} buckled|buckling|buckle|buckles|collapsed|collapsing|collapse|collapses",
        "@LEG|LEGS _{0,2} went|gone|go|going|goes from|out under|underneath|beneath|from",
        # "my legs, but both went from under me on the stairs"
        "@BOTH went|gone|go|going|goes from|out under|underneath|beneath me",
        "@LEGS just went|gave|go|gone|give",
        # "the legs simply lacked the strength"
        "@LEGS _{0,2} lacked|lack|lacking|lacks|lost|losing _{0,1} the|their|all? strength|power",
        "can|could no longer walk|stand on my? heels|toes|tiptoe|tiptoes",
        "strength in|of my? ankles|feet|legs _{0,2} deteriorated|declined|diminished|worsened",
        # "no pain in the legs but both feel weak"
        "both feel|feels|are|'re|going|gone|getting|got _{0,1} weak|weaker|weakened|useless",
        "strength|power in|of both|my|the _{0,1} @LEGS? is|'s|are? going|gone|fading|disappearing"
        "|draining",
        "@LEG|LEGS wo|do|did|does|will|would|can|ca|could n't|nt|not hold|support|carry|work"
        "|working|lift|raise|clear|come|flex|pick",
        "@LEG|LEGS stopped|stop|stops|stopping working",
        # "neither leg will hold me up": both fail
        "neither|none of? my|the? @LEG|LEGS will|would|can|could|is|are|do|does? hold|support"
        "|carry|work|working|take",
        "foot|feet _{0,2} drop|drops|dropped|dropping|slaps|slap|slapped|slapping|flops|flop"
        "|flopped|flopping",
        "foot drags|dragging",
        "foot|feet|ankle|toes _{0,2} hangs|hanging|hang|droops|drooping|droopy|dangles|dangling"
        "|floppy|limp",
        "ankle|foot|toes wo|do|does|did|will|can|ca|could n't|nt|not bend|flex|point|pull|come up",
        "toe|toes|foot|feet _{0,2} keep|keeps|kept? catch|catches|catching|snag|snags|snagging"
        "|scuff|scuffs|scuffing|drag|drags|dragging|dragged",
        "drop|dropped foot",
        "@LEG _{0,2} flops|flopping|slaps|slapping|flapping|flaps",
        "@LEG _{0,2} drags|dragging|dragged|drag|scuffs|scuffing|catches|catching",
        f"tripping|tripped|trip|trips|catching|catch|catches|caught|stubbing|scuffing|stumble"
        f"|stumbling|stumbled|stumbles over|on? "
        f"{MY}? own? {SIDE}? foot|feet|toes|toe",
        f"dragging|drag|drags|dragged|scuffing {MY}? {SIDE}? foot|leg",
        f"{CANT} lift|raise|point|pull|flex|bend|move {MY}? {SIDE}? foot|feet|toes|ankle|ankles",
        f"{CANT} lift|raise|point|pull|flex _{{0,4}} foot|feet|toes|ankle|ankles",
        f"{CANT} even? walk|stand|go|get up? on|onto {MY}? heels|heel|toes|tiptoes|tip-toes"
        "|tiptoe|tip",
        "@LEG|LEGS _{0,3} weaker|weakening",
        "weaker|weakening _{0,4} @LEG|LEGS",
        "weak|weakness _{0,2} in|of @BOTH _{0,1} @LEG|LEGS",
        f"weakness|weakening|numbness in|of {MY}? {SIDE}? @LEG|LEGS _{{0,3}} worse|spreading"
        "|getting|increasing",
        f"weakness|weakening in|of {MY}? {SIDE}? @LEG|LEGS",
        "@LEG|LEGS _{0,2} suddenly|went|gone|going|getting|keep|keeps weak",
        "leg|legs|foot weakness",
        f"{CANT} move {MY}? {SIDE}? @LEG|LEGS",
        "weak|weakness _{0,6} getting|gets|got worse|weaker",
        "@LEG|LEGS _{0,3} dead weight|useless|floppy",
        f"{CANT}|barely|hardly even? lift|pick|raise it|my|the leg|foot? up",
        "@LEG|LEGS _{0,3} gave|gives|giving nothing",
        "foot|feet _{0,2} smacks|smacking|smacked|slams|slamming|slammed|slaps|slapped|flops down"
        "|into|onto|on|against? the? floor|ground",
        "toes|toe|foot|feet wo|do|does|did|will|can|ca|could n't|nt|not lift|rise|come up",
        "slipper|slippers|shoe|shoes|sandal|sandals|flipflop|flipflops _{0,4} keep|keeps|kept"
        "|keeping flicking|falling|slipping|coming|flying off",
        "tiptoes|tiptoe|tip-toes _{0,10} wo|would|did|could n't|nt|not do|work|happen|lift|go",
        "heel|calf raises|raise _{0,10} wo|would|did|could n't|nt|not do|work|happen|lift|go",
        "tiptoes|tiptoe|tip-toes _{0,10} collapsed|buckled|sank|sagged",
        "heel|calf raises|raise _{0,10} collapsed|buckled|sank|sagged",
    ),
    "cauda_equina_named": (
        "cauda|corda|caudia|cuada|cawda|caudal|cauder|chorda|coda equina|equine|equena|equinna"
        "|equnia|equia|equinea",
        "ces",
        "cauda",
    ),
    # ------------------------------------------------------------------ vascular
    "chest_pain": (
        "@CHEST _{0,3} pain|pains|painful|hurts|hurt|hurting|ache|aches|aching|achy|tight"
        "|tightness|tighter|pressure|crushing|crushed|heavy|heaviness|squeezing|squeezed"
        "|gripping|discomfort",
        "pain|pains|tightness|pressure|crushing|heaviness|squeezing|ache|aching|discomfort|tight"
        "|weight|band feeling|sensation? in|across|on|around|behind|through _{0,4} @CHEST",
        "tight|tightening|crushing|squeezing|heavy band|belt|vice|strap across|around|round _{0,2}"
        " ribs|ribcage|sternum|breastbone",
        "@CHEST _{0,6} elephant|vice|vise|crushed|crushing|pressing|weight|band|squeezed",
        "@CHEST _{0,6} like|as someone|somebody|something|a|an|if _{0,3} sitting|sat|standing"
        "|stood|kneeling|pressing|crushing|squeezing|crushed|squeezed",
        *(
            f"{like} a|an|someone|somebody|something _{{0,2}} sitting|sat|standing|stood|pressing"
            "|pressed|crushing|squeezing|kneeling|on|across|around|round _{0,2} @CHEST"
            for like in ("like", "as if")
        ),
        "weight|elephant|someone|somebody|something|band|belt|strap|vice|vise|rope _{0,3} "
        "pressing|pressed|sitting|sat|stood|standing|kneeling|crushing|squeezing|tightening"
        "|tightened|tight|pushing|round|around|across _{0,3} @CHEST",
        "tight|crushing|heavy|painful|squeezing|tightening @CHEST",
        "heart attack|attacks",
        "angina",
        "heart pain|pains|hurts|hurting|aches|aching",
    ),
    "radiating_pain": (
        f"{PAIN}|it|tingling|numbness|numb _{{0,4}} spreading|spreads|spread|radiating|radiates"
        "|radiated|going|goes|went|gone|moved|shooting|shoots|shot|moving|moves|travelling"
        "|traveling|travels|running|runs _{0,4} up|down|into|to|through|across|in _{0,2} left"
        "|right? "
        "arm|arms|jaw",
        f"{PAIN}|it|tingling|numbness|numb _{{0,4}} spreading|spreads|spread|radiating|radiates"
        "|radiated|going|goes|went|gone|moved|shooting|shoots|shot|moving|moves|travelling"
        "|traveling|travels|running|runs _{0,4} up|down|into|to|through|across|in _{0,2} @CHEST",
        "left arm pain|pains|ache|aches|aching|hurts|hurting|tingling|numb|numbness|heavy",
        "pain|pains|ache|aching|tingling|numbness in|down my? left arm",
        "@CHEST _{0,3} and|& jaw|arm",
        "crushing|squeezing|gripping _{0,1} feeling|pain|pressure|sensation? _{0,3} jaw",
        "crushing|squeezing|gripping _{0,1} feeling|pain|pressure|sensation? _{0,3} left arm",
        # "the 'indigestion' comes on when I walk uphill and goes into my left arm"
        "indigestion|heartburn|pressure|tightness|heaviness|discomfort _{0,10} goes|going|went"
        "|spreads|spreading|radiates|radiating|travels|moves into|to|down my|the? left arm|jaw",
    ),
    "tearing_pain": (
        "@TEARING _{0,1} pain|pains|sensation|feeling|feel",
        "of a|an? @TEARING quality|nature|character|kind|type",
        "sudden|suddenly _{0,4} pain _{0,5} back and|& @BELLY",
        "sudden|suddenly _{0,4} @BELLY and|& back pain",
        "something|it is|'s|was? tearing|ripping|tear|rip",
        "like something _{0,2} tearing|ripping|tear|rip|torn|ripped",
        "feels|feel|felt|feeling like _{0,2} tearing|ripping|tear|rip",
        "like _{0,2} tearing|ripping",
        "as if _{0,2} tearing|ripping",
        "@TEARING _{0,4} @BELLY",
        "@TEARING _{0,4} @SHOULDER_BLADES",
        "@SHOULDER_BLADES _{0,4} @TEARING",
        # pain that goes from the back right through to the belly, as an aorta's does
        "back right|straight through to|into my|the? @BELLY",
        "@TEARING _{0,10} through|thru|round|around to? the|my? @BELLY",
        "@TEARING _{0,10} through|thru|round|around to? the|my? front",
        "@BELLY right|straight through to|into my|the? back",
    ),
    "pulsating_lump": (
        "@PULSE _{0,2} @LUMP",
        "@LUMP _{0,5} @PULSE",
        "@LUMP _{0,2} jumping|beating|ticking|thumping|bouncing _{0,6} heartbeat|heart|pulse",
        "@PULSE in|on|inside|from my|the? @BELLY",
        "@BELLY _{0,5} @PULSE",
        "aortic aneurysm|aneurism|dissection",
        "aneurysm|aneurism",
    ),
    # ------------------------------------------------------------------ fracture
    "trauma": (
        "@FALL",
        "@SLIP _{0,6} @LANDED",
        "@SLIP on|down|over|off|in|at _{0,2} ice|icy|stairs|steps|step|floor|kerb|curb|pavement"
        "|path|mud|muddy|leaves|puddle|wet|shower|bath|rug|carpet|grass|stair|tiles|snow|ladder",
        f"landed|land|landing|came|went|crashed|slammed down? hard|heavily|awkwardly|badly|flat"
        f"|right|straight|smack? on|onto {MY}? {BODY}",
        "@VEHICLE _{0,1} @CRASH",
        "@CRASH _{0,3} @VEHICLE",
        "@VEHICLE _{0,2} hit|hits|smashed|crashed|ran|drove|went|ploughed|knocked into? me|my",
        "@VEHICLE _{0,1} threw|chucked|bucked|dumped me",
        "was|been|were|involved|in a|an _{0,2} @CRASH|ACCIDENT",
        "@VEHICLE _{0,1} @ACCIDENT",
        "@ACCIDENT _{0,3} @VEHICLE",
        *(
            f"{blow} _{{0,10}} heard|felt|feel|hear|something|it|back|spine|a _{{0,2}} {CRACK}"
            for blow in IMPACT
        ),
        *(f"heard|felt|hear|feel a|something? {CRACK} _{{0,8}} {blow}" for blow in IMPACT),
        "rta|rtc|mva|mvc|whiplash",
        "rear ended|end",
        "rear-ended|t-boned|tboned",
        "run over",
        "came|fell|thrown|bucked|knocked|flew off|from my|the|a? @VEHICLE",
        "@ACCIDENT at|on work|site",
        "@ACCIDENT on the road|slopes",
        "smashed|flattened|clattered|crushed|hammered|creamed|wiped|taken out? in|by|at a|the"
        "? tackle|ruck|scrum|maul|tackles",
        "them|players|lads|guys|people|bodies landed|fell|piled on top? of? me",
    ),
    "osteoporosis": ("@OSTEO",),
    "old_age": ("@OLD_AGE",),
    "steroids": ("@STEROID", "long term|long-term|longterm steroids|steroid"),
    "sudden_onset": ("@SUDDEN|ABRUPT|CRACK_GO", "@SLIP", "@FALL"),
    # ------------------------------------------------------------------ cancer
    "cancer_history": ("@CANCER",),
    "weight_loss": (
        "@WEIGHT_LOSS _{0,14} @UNEXPLAINED",
        "@UNEXPLAINED _{0,4} @WEIGHT_LOSS",
        "@WEIGHT_LOSS _{0,3} @ABRUPT",
    ),
    "night_rest_pain": (
        f"{PAIN}|it|back|sciatica _{{0,3}} wakes|woke|waking|wake|keeps|kept|keeping|keep me up"
        "|awake?",
        f"wakes|woke|waking|wake|woken|waking me? up? _{{0,6}} with|by|from|because|due _{{0,2}} "
        f"{PAIN}|back",
        f"{CANT} sleep _{{0,3}} for|because|with|due|from _{{0,2}} {PAIN}|it|back",
        f"{PAIN}|back|sciatica|it _{{0,6}} worse|worst|bad|terrible|awful|horrendous @NIGHT",
        f"worse|worst|bad|terrible|awful|horrendous @NIGHT _{{0,6}} {PAIN}|back|sciatica",
        "worse|worst|bad|terrible|awful at|in|during|over|when|while the? night|nite|nights"
        "|overnight|bed|bedtime",
        "worse|bad|painful|hurts|agony when|while|if? i|i'm|im? 'm|am? lying|lie|lay|laying"
        "|sleeping|in down|flat|bed",
        "night pain|pains",
        "even when|while|if i|im|i'm 'm|am? lie|lying|laying|lay|rest|resting still|down|flat?",
        "there|present all night|nite",
        "only|mainly|mostly|just at|in|during the? night|nights|nite",
        "hurts|hurt|worse|painful|sore more|most? when|while|if? i|i'm|im? 'm|am? lying|lie|lay"
        "|laying",
        "rest|resting|lying|sleep|sleeping|sitting|down makes|made|make|making no|little|zero"
        " difference",
        f"{PAIN} every|each|most|all night|nights",
        f"up|awake all night with|from|because _{{0,2}} {PAIN}|back",
        f"rest|resting|lying|lie|sitting|nothing|painkillers|medication|meds _{{0,2}} does|do|did"
        f"|is|wo|will {NOT_HELP} help|helps|ease|eases|relieve|touch|settle|work",
        "nothing helps|eases|works|relieves|touches|settles|shifts|helping|easing",
        *(
            f"{PAIN} _{{0,3}} @NIGHT _{{0,3}} {never} settle|ease|stop|go|let|calm"
            for never in ("wo|does|did|will|do n't|nt|not", "doesnt|wont|didnt|never")
        ),
        "nothing i|we do|try|take|have|'ve _{0,3} helps|help|eases|ease|works|work|relieves"
        "|relieve|touches|touch|settles|settle|shifts|shift",
        f"does|is|wo|did|do {NOT_HELP} ease|settle|let|go|stop|improve|calm _{{0,4}} rest"
        "|resting|lie"
        "|lying|lay|laying|sleep|night|bed|still",
        "not eased|relieved|helped|better by|with rest|resting|lying",
        "even at|when|while|with|in? rest|resting|lying|bed|night|sitting",
        f"{PAIN} at|when|while rest|resting",
        "nothing _{0,3} makes|make|made it|things? better|easier|easy",
        "no|any position|positions _{0,2} comfortable|comfy|helps|works",
        "day and night",
        "have|has|had|having|got|only|need|needing|now|can|could to? sleep|kip|doze _{0,2} sitting"
        "|upright|propped",
        "have|has|had|having|got|only|need|needing|now|can|could to? sleep|kip|doze _{0,2} in|on a"
        "|the|my chair|armchair|recliner|sofa|couch",
        "despite _{0,3} rest|resting|rested",
        "neither _{0,4} nor _{0,3} affords|gives|brings|provides|offers|helps|eases any? relief?",
        "even though|tho|with|after _{0,3} rest|resting|rested",
        "night and day",
        "24/7",
    ),
    "progressive_pain": (
        "never|not|n't|nt switches|switch|switching|switched off",
        "never|not|n't|nt lets|let|letting up",
        "whether i rest|sit|lie|move|stand|walk|sleep or|and|not",
        "all day every day",
        "every day all day",
        "there|present constantly|continuously|nonstop|24/7",
        "constantly|always there",
        "constant|constantly|continuous|continual|non-stop|nonstop|unrelenting|relentless|persistent"
        " dull|nagging|deep|low|gnawing? pain|ache|aching|agony|throbbing|burning",
        f"{PAIN}|it is|'s|has|been|keeps? constant|continuous|non-stop|nonstop|relentless"
        "|unrelenting",
        f"{PAIN}|it _{{0,3}} never|n't|nt|not lets|let|letting up|off",
        f"{PAIN}|it _{{0,3}} never eases|easing|stops|stopping",
        "painkillers|killers|meds|medication|tablets|pills|codeine|tramadol _{0,2} n't|nt|not|never"
        " touch|touching|helping|help|working|work|doing",
        f"{PAIN} _{{0,3}} all the time",
        "there all the time",
        "slowly|steadily|gradually|progressively getting worse",
        "worse and worse",
        "progressively|steadily|gradually|increasingly worse",
        "worse every|each day|week|morning|night",
        "worse by the day",
        "worse day by day",
        "worse day after day",
        "keeps|kept|keep getting worse",
        "getting worse all the time",
        "worse week|day|month by|on|after week|day|month",
        "week|day|month by|on|after week|day|month _{0,2} worse",
        f"{PAIN}|it|back|sciatica _{{0,4}} creeping|creeps|crept|climbing|climbs|going|goes|edging"
        "|ramping|ratcheting|building up|higher every|each|by|week|day",
        f"{PAIN}|it|back|sciatica _{{0,3}} {NOT_HELP} _{{0,1}} goes|go|going|went|gone away|off",
        f"{PAIN}|it|back|sciatica _{{0,3}} doesnt|dont|didnt|wont _{{0,1}} goes|go|going|went"
        "|gone away|off",
        "worse|higher|up every|each week|day|morning|night",
        "more and more every|each? day|week?",
        f"{PAIN}|it _{{0,4}} relentless|unremitting|unrelenting|incessant",
        "each|every week|day|month is|gets|seems _{0,2} worse than the? one? before|last",
    ),
    # ------------------------------------------------------------------ infection
    "fever": (
        "@FEVER",
        "forehead|head _{0,6} roasting|burning|boiling|scorching",
        "forehead|head _{0,6} red hot",
        "forehead|head _{0,6} on fire",
    ),
    "chills_sweats": (
        "@CHILLS",
        "@NIGHT _{0,2} @SWEAT",
        "@SWEAT _{0,4} @NIGHT",
        "woke|woken|waking|wake|wakes up? _{0,2} @SWEAT",
        "drenching|drenched|soaking sweats|sweat",
        "shaking|shivering|trembling|shivery _{0,2} with|from cold|chills",
        "@CHILLS _{0,4} even? under|in the? duvet|blankets|covers|bed",
        "cold|freezing|shaking _{0,4} even? under|in the? duvet|blankets|covers|bed",
    ),
    "drug_injection": ("@INJECT_DRUGS",),
    "immune_condition": ("@IMMUNE_CONDITION",),
    "immunosuppression": (
        "@IMMUNE",
        "on|having|doing|started|getting|receiving|currently|starting|during|mid chemo"
        "|chemotherapy|radiotherapy|immunotherapy",
    ),
    "recent_infection": (
        "@INFECTION",
        # a wound or scar that looks infected
        "wound|wounds|scar|incision|stitches _{0,12} hot|oozing|oozy|weeping|weepy|pus|pussy"
        "|infected|inflamed|discharging",
    ),
    # ------------------------------------------------------------------ severe pain
    "pain_score": (
        "^about|around|like|maybe|probably|prob|honestly|solid|a|an|at|its|it's _{0,2} "
        "/(?:9|10|9[.,]5|9\\.9|11|12|nine|ten|eleven)/",
        "pain|pains|sciatica|back|score|level|rating|pain's|it|it's|its|p|pn "
        "is|was|'s|at|a|an|about|around|like|level|levels|score|solid|easily|definitely"
        "|literally|currently|now|today|honestly|:|=|-|of|rated|probably|still|already|right"
        "|hitting|hit|reached|up|to|went|gone|got|gets|getting|as|high|even|over|strong|legit"
        "|easy|defo|def|prob|tbh|sitting|been|has|steady|consistently|shot|jumped|spiked"
        "|rocketed|soared|climbed|rose|risen|flared|ramped|peaked|peaking|hits|reaching|shooting"
        "|more|closer|nearer{0,4} "
        "/(?:9|10|9[.,]5|9\\.9|11|12|15|20|50|100|nine|ten|eleven|twelve)/",
        "to|now|→|hit|hitting|reached|reaching|at|up|is|'s|been|was|went a|an "
        "solid|strong|good|full|proper|easy|steady|clear|definite? /(?:9|10|9[.,]5|nine|ten)/",
        "pain|pains|pain's|back|sciatica _{0,4} ,|:|-|— /(?:9|10|9[.,]5)/",
        "more like a|an? /(?:9|10|9[.,]5|11|12|15|20)/",
        "/(?:9|10)/ maybe|probably|possibly|or? more",
        "not|no less than a|an? /(?:9|10|nine|ten)/",
        "closer|nearer to a|an? /(?:9|10|11|12|15|20)/",
        "mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday"
        "|friday|saturday|sunday|today|tonight|yesterday|overnight|morning|evening :|-|=? "
        "/(?:9|10|9[.,]5)/",
        "a|was|from|at? /[2-8]/ yesterday|earlier|before|lastnight|last|this|in|at _{0,2} "
        "/(?:9|10|9[.,]5)/ today|now|tonight|this",
        # against the usual: "usually a 3, today a 9", "yesterday a 4, tonight a 10"
        "usually|usual|normally|typically|generally|mostly|was|yesterday|earlier|before|lastnight"
        " a|an? /[0-8]/ ,|;|-|and|but|.|...|…? today|now|tonight|this|it morning|evening|'s|is|was?"
        " a|an solid|strong|good? /(?:9|10|9[.,]5)/",
        "a|an /(?:9|10|nine|ten)/ at least|minimum|easy|easily",
        "at least a|an /(?:9|10|nine|ten)/",
        # "pain 8 going on 10"
        "/[5-8]/ going on a? /(?:9|10|nine|ten)/",
        "/[5-8]/ heading for|to|towards a? /(?:9|10|nine|ten)/",
    ),
    "severe_pain": (
        "@SEVERE",
        f"worst|worse _{{0,2}} {PAIN}|back",
        "worst it|it's|its|'s|has|ever _{0,2} been",
        "never had|felt|experienced|known _{0,2} pain|agony|anything like this|it",
        "never been in this|so|such much? pain|agony",
        # formal: "quite incapable of moving for the pain"
        "incapable of moving|movement|walking|standing",
        "incapable of getting up",
        "beats|worse|worst than? childbirth|labour|labor",
        "am|'m|been|completely|totally|effectively|virtually|practically|basically immobile"
        "|immobilised|immobilized",
        "screaming|crying|sobbing|howling|weeping|yelling|shaking in|with|from _{0,1} pain|agony",
        "in tears with|from|because _{0,2} pain|agony|it|back",
        "in bits with|from|because _{0,2} pain|agony",
        f"{PAIN} _{{0,3}} in tears|crying|sobbing",
        f"{CANT} move",
        "barely|hardly move|walk|stand|breathe",
        f"{CANT} even? walk|straighten",
        f"{CANT} even? lift|raise my|the? head",
        f"{CANT} even? stand up|upright|straight",
        "stuck on|in the|my? floor|bed|sofa|couch",
        f"{PAIN}|it _{{0,3}} through the roof",
        "pain is|'s|was off the charts|scale",
        "in so|such|too much pain|agony",
        "so|such|too much pain|agony",
        "severe|extreme|intense|insane|unreal|unbelievable|indescribable|immense|brutal|crazy"
        "|horrendous|terrible|excessive pain|agony",
        "pain|it is|'s|was|feels so|really|absolutely|literally? severe|extreme|intense|insane"
        "|unreal|unbelievable|indescribable|immense|brutal",
        "crawl|crawling|crawled to|on|around|across|along|upstairs|back",
        "quite|completely|totally|simply|utterly|entirely unable to stand|walk|move|get",
        f"{PAIN}|it _{{0,4}} prevents|prevented|preventing|stops|stopped|stopping me from? standing"
        "|walking|moving|sitting|getting",
        f"{PAIN} _{{0,6}} simply|far|just|much too great|severe|intense",
        "kidney stone|stones _{0,3} this|it is|'s|was worse",
        "childbirth|labour|labor _{0,3} this|it is|'s|was worse",
        "every time i try _{0,4} locks|locked|seizes|seized|spasms|goes",
        "locks|locked|seizes|seized|seizing solid",
        "worst i|i've|ive|'ve _{0,2} ever|evr felt|had|experienced|been|known",
        "worse|painful than childbirth|labour|labor|birth",
        "worse|painful than giving birth",
        "worse|painful than a|an|my? kidney stone|stones",
        "worse|painful than a|my? broken leg|arm|bone",
        "most bad|painful|strong|severe pain|agony",
        "bad|strong|biggest pain|agony of|in my life|lifetime",
        f"{CANT} even? stand|walk or|nor|and|& walk|stand|move|sit",
        f"{CANT} even? roll|turn|get|sit|bend over|up|dressed|down",
        "so|that|too bad|severe|strong|intense _{0,3} sick|vomit|vomited|vomiting|threw|throw|faint"
        "|fainted|cry|crying|cried|pass|passed",
        f"{PAIN}|it _{{0,4}} made|making|makes me sick|vomit|throw|cry|faint|pass",
        "crying|sobbing|screaming|writhing|howling _{0,4} floor|bathroom|pain|agony",
        "screaming|screamed|scream|yelping|yelped|shouting|crying _{0,4} move|moving|walk|stand|sit"
        "|bend|turn",
    ),
    "bed_bound": (
        "bedbound|bed-bound|bedridden",
        "bed bound|ridden",
        f"{CANT} get|getting out of bed",
        "barely|hardly get|got|getting out of bed",
        f"{CANT} get|getting up? off|from the|my settee|sofa|couch|bed|floor|chair|armchair"
        "|recliner",
        f"{CANT} get|getting out of the|my settee|sofa|couch|chair|armchair|recliner",
        # "haven't been able to get off the bed since 6am", "cannot move from the sofa"
        "n't|nt|not|never been able to get|getting up? off|out|from of? the|my settee|sofa|couch"
        "|bed|floor|chair|armchair|recliner",
        f"{CANT} move|budge|shift from|off the|my settee|sofa|couch|bed|floor|chair|armchair"
        "|recliner",
    ),
}

_SEVERE_SCORE = r"(?:9(?:[.,]5)?|10|11|12|15|20|nine|ten|eleven|twelve)\b"
"""A score out of ten that is severe (or over the top), when the scale is named elsewhere."""
_C = r"(?:3[89]|4[0-3])(?:[.,]\d{1,2})?"
_F = r"(?:100[.,][4-9]\d?|10[1-9](?:[.,]\d{1,2})?|11[0-2])"
_C_NORMAL = r"(?:3[5-7](?:[.,]\d{1,2})?)"
_F_NORMAL = r"(?:9[5-9](?:[.,]\d{1,2})?|100(?:[.,][0-3]\d?)?)"
_TEMP_WORD = (
    r"\b(?:temp|temps|temperature|temprature|tempreture|temperture|fever|feverish|thermometer)\b"
)
_NOT_DIGIT_BEFORE = r"(?<![\d.,/])"
_NOT_DIGIT_AFTER = r"(?![.,]?\d)"
_SPELLED = (
    r"(?:thirty[\s-]*(?:eight|nine)|forty(?:[\s-]*(?:one|two))?)(?:\s+point\s+[a-z]+)?"
    r"|(?:a\s+|one\s+)?hundred\s+(?:and\s+)?(?:one|two|three|four)(?:\s+point\s+[a-z]+)?"
    r"|(?:a\s+|one\s+)?hundred\s+point\s+(?:four|five|six|seven|eight|nine)"
)
"""A fever read out in words ("thirty eight point five", "a hundred and one"), as voice notes
are typed."""
_NOT_OUTSIDE = r"(?:(?!outside|outdoors|weather|room|water|pool|oven|sauna)[^.!?\n\d]){0,25}?"
"""Up to 25 characters between "temp" and its number, none of them saying the heat is outside
("temp outside is 101")."""
_THERMOMETER = "(?:\U0001f321|\U0001f912)\ufe0f?"
"""🌡️ and 🤒: a number after either is a temperature."""
_FEVER_DECIMAL = r"(?:(?:3[89]|4[0-2])[.,]\d|100[.,][4-9]|10[1-6][.,]\d)"
"""38.0 to 42.9 and 100.4 to 106.9 with one decimal: nearly always a temperature, unless a unit,
money or a weight says otherwise."""
_NOT_MONEY_OR_WEIGHT = (
    r"(?<![£$€#\w])(?<!weigh )(?<!weighed )(?<!weight )(?<!bmi )(?<!bmi of )(?<!bmi is )"
    r"(?<!bmi was )(?<!paid )(?<!cost )(?<!costs )(?<!age )(?<!age is )(?<!aged )(?<!hrv )"
    r"(?<!hrv is )"
)
_NO_UNIT_AFTER = (
    r"(?!\s*(?:%|kg|kgs|kilos?|k\b|km|kms|lbs?|pounds|st\b|stone|mi\b|miles?|m\b|metres?"
    r"|meters?|cm|mm|mins?\b|minutes?|s\b|secs?|seconds?|h\b|hrs?|hours?|bpm|reps?|sets?|quid"
    r"|p\b|x\b|years?|yrs?|yo\b|weeks?|days?|k?cals?|g\b|ml|l\b|litres?|liters?|inch"
    r"|ft|feet|mph|kmh|kph|w\b|watts?|/))"
)

TARGET_REGEXES: dict[str, tuple[str, ...]] = {
    # a line that only answers where: "both legs now", "in both sides too"
    "both_legs": (
        r"(?m)^\s*(?:it'?s\s+|its\s+)?(?:in\s+|into\s+|down\s+)?both\s+(?:legs|sides|feet)\s+"
        r"(?:now|too|as\s+well|aswell)\s*[.!?]*\s*$",
    ),
    "pain_score": (
        _NOT_DIGIT_BEFORE
        # "\U0001f51f" is the keycap ten emoji ("🔟/10")
        + r"(?:9(?:[.,]\d)?|10|\U0001f51f|1[1-9]|[2-9]0|100|nine|ten|eleven|twelve)\s*(?:/|out\s+of"
        r"|outta|oo|of)\s*(?:10|ten)\b" + _NOT_DIGIT_AFTER,
        # a jump: "from 4 to 9", "3 → 9", "3->10" (not "1 to 10", the scale itself)
        _NOT_DIGIT_BEFORE
        + r"[2-8](?:[.,]5)?\s*(?:-+>|→|=>|>|to|till|until|then|now)\s*(?:a\s+)?(?:9|10|9[.,]5)\b"
        + _NOT_DIGIT_AFTER,
        # a score on a scale said formally: "nine on a scale of ten", "9 on the scale of 0-10"
        _NOT_DIGIT_BEFORE
        + r"(?:9(?:[.,]\d)?|10|nine|ten)\s+on\s+(?:a|the)\s+scale\s+of\s+(?:[01]\s*(?:-|to)\s*)?"
        r"(?:10|ten)\b",
        # "certainly a 9 on your scale"
        r"\ban?\s+(?:9|10|nine|ten)\s+on\s+(?:your|the|a|my|this)\s+scale\b",
        # a clinic scale's name: "NRS 9", "VAS: 10"
        r"\b(?:nrs|nprs|vas)\s*[:=-]?\s*" + _SEVERE_SCORE + _NOT_DIGIT_AFTER + r"(?!\s*/)",
        # off the top: "10+ 😭", "10+!"
        _NOT_DIGIT_BEFORE + r"(?:9|10)\s*\+(?=\s*(?:$|[^\w\s]))",
        # a severe score on a named scale: "scale of 1-10 I'd say a 9", "on a scale … about a 10"
        r"\bscale\b[^.!?\n]{0,45}?\b(?:say|about|around|maybe|probably|prob|like|honestly|at"
        r"|its|it's)\s+(?:an?\s+)?" + _SEVERE_SCORE + _NOT_DIGIT_AFTER + r"(?!\s*/)",
        # a score corrected upwards: "8... actually make that a 9", "6, no sorry, a 10"
        r"\b(?:make\s+(?:that|it)|(?:actually|sorry|correction)[,:]?)\s+(?:an?\s+)?"
        + _SEVERE_SCORE
        + _NOT_DIGIT_AFTER
        + _NO_UNIT_AFTER
        + r"(?!\s*(?:rounds?|am|pm|months?|times|o'?clock))",
        # the answer to a scale question: "scale of 1-10? 11", "out of 10? 10"
        r"(?:\bscale\b[^.!?\n]{0,20}?|\bout\s+of\s+(?:10|ten))\s*\?\s*(?:a\s+|an\s+)?"
        + _SEVERE_SCORE
        + _NOT_DIGIT_AFTER,
    ),
    "temp_reading": (
        _NOT_DIGIT_BEFORE + _C + r"\s*(?:°\s*c?|º\s*c?|degrees?(?:\s*c(?:elsius)?)?|deg|c|celsius)"
        r"(?![a-z])",
        _NOT_DIGIT_BEFORE + _F + r"\s*(?:°\s*f?|º\s*f?|degrees?(?:\s*f(?:ahrenheit)?)?|deg|f"
        r"|fahrenheit)(?![a-z])",
        _TEMP_WORD + _NOT_OUTSIDE + _NOT_DIGIT_BEFORE + rf"(?:{_C}|{_F})" + _NOT_DIGIT_AFTER,
        _NOT_DIGIT_BEFORE + rf"(?:{_C}|{_F})" + r"\s*(?:°\s*[cf]?\s*)?(?:degrees?\s*)?"
        r"(?:fever|temp|temperature)\b",
        _TEMP_WORD + r"[^.!?\n\d]{0,25}?" + rf"\b(?:{_SPELLED})\b",
        rf"\b(?:{_SPELLED})\s*(?:degrees?|°)",
        _THERMOMETER
        + r"[^.!?\n\d]{0,20}?"
        + _NOT_DIGIT_BEFORE
        + rf"(?:{_C}|{_F})"
        + _NOT_DIGIT_AFTER,
        _NOT_DIGIT_BEFORE
        + _NOT_MONEY_OR_WEIGHT
        + _FEVER_DECIMAL
        + _NOT_DIGIT_AFTER
        + _NO_UNIT_AFTER,
    ),
    "temp_normal": (
        _TEMP_WORD
        + r"[^.!?\n\d]{0,25}?"
        + _NOT_DIGIT_BEFORE
        + rf"(?:{_C_NORMAL}|{_F_NORMAL})"
        + _NOT_DIGIT_AFTER,
        _NOT_DIGIT_BEFORE + _C_NORMAL + r"\s*(?:°\s*c?|º\s*c?|degrees?\s*c?|c)(?![a-z])",
        _NOT_DIGIT_BEFORE + _F_NORMAL + r"\s*(?:°\s*f|º\s*f|degrees?\s*f|f|fahrenheit)(?![a-z])",
        # a bare 35.0 to 37.9, as in "37.4 after my hot bath, is that a fever?"
        _NOT_DIGIT_BEFORE
        + _NOT_MONEY_OR_WEIGHT
        + r"3[5-7][.,]\d"
        + _NOT_DIGIT_AFTER
        + _NO_UNIT_AFTER,
    ),
}
