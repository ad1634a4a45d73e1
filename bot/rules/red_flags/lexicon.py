"""The words members use for each idea the target rules combine, as token tags.

medspaCy's ConceptTagger gives every token of a matched phrase its tag (`dsl.TAG_ATTR`), so a
target rule can say "a numbness word near a saddle word" once instead of listing every pair.
A token carries one tag; where two phrases overlap the longer one wins. That is how the
``NOT_*`` tags work: "fell asleep" is tagged ``NOT_FALL`` and so is never read as a fall,
"balls of my feet" is not a saddle word, a "steroid inhaler" is not a course of steroids.
Words that several ideas share (pain, hurts, down, into) are left to the target rules.
"""

from __future__ import annotations

CANT = "ca|can|could|cud|cannot|couldnt|cant|unable n't|nt|not|to"
""""can't", "cannot", "couldn't" in any spelling, as the tokenizer splits them (two tokens)."""

NUMBER = r"/\d+(?:[.,]\d+)?(?:kg|kgs|lbs?|st)?/"

UNABLE_PHRASES = (
    f"{CANT} seem|manage|quite? to?",
    "cannot|couldnt|cant",
    "unable|struggling|struggle|struggled|struggles|battling|straining to",
    "have|has|had|'ve|ve|'s n't|nt|not been able to",
    "havent|hasnt|hadnt been able to",
    "not|never|nt|n't been? able to",
    "no longer able to",
    "finding|found it hard|difficult|tricky|impossible to",
    "finding|found it a struggle to",
    "it 's|is|was|takes hard|difficult|tricky|impossible|ages|forever to",
    "it 's|is|was a struggle to",
    "having|had|have trouble|difficulty|problems",
    "have|has|had|did|do|does|could n't|nt|not managed|manage",
    "havent|hasnt|hadnt|didnt|dont|doesnt|couldnt|never|not managed|manage",
)
"""Saying one cannot do something, in all its lay forms: "can't", "cannot", "haven't been able
to", "struggling to", "finding it hard to", "having trouble"."""

LEXICON: dict[str, tuple[str, ...]] = {
    # ------------------------------------------------------------------ sensation
    "NUMB": (
        "numb|numbed|numbing|numbish|numbness|numbnes|numness|numbess|numbnesss|~numbness",
        "tingle|tingles|tingling|tingly|tingled|tinglin|tingley|tinglng|tinglying|~tingling",
        "pins|pin and|&|n|an needles|needle|~needles",
        "anaesthesia|anesthesia|anaesthetised|anesthetized|anaesthetic|anesthetic",
        "loss|lost|losing|lose|loose|lack|reduced|less|altered|changed|change of|in? the|all|any"
        "|some? feeling|feelin|feelng|feling|fealing|feelign|sensation|~sensation|feelings",
        f"{CANT} really|even|properly|actually|quite|fully? feel|feal|fel|feell",
        "barely|hardly|cannot|cant|cnt|cnat|carnt|cannae|canny|kant|cant't feel|feal|fel|feell",
        "have|has|had|'ve|havent|hasnt|hadnt n't|nt|not? been able to feel",
        "not|never been? able to feel",
        "no longer able to feel",
        "no|zero|without feeling|feelin|feelng|feling|fealing|sensation|~sensation",
        "n't|nt|not feel|feels|felt|feeling like|as if _{0,2} mine|my own",
        "n't|nt|not|never have|had|got|get|getting|having any|much feeling|sensation|feelings",
        "n't|nt|not much feeling|sensation",
        "little|barely|hardly any? feeling|sensation",
        "needles|needly|prickling|pricking feeling|feelings|sensation",
        "prickling|pricking",
        "feeling|sensation has|'s|is? gone|disappeared|vanished",
        "n't|nt|not belong to me",
        "like someone else's|somebody else's|someone elses|somebody elses",
        "felt|feel|feels|feeling|notice|noticed like? nothing",
        "zingy|zinging|zings|zappy",
        "buzz|buzzes|buzzing|buzzy|fizz|fizzing|fizzy|muffled|muted|dulled|blunted|woolly|wooly"
        "|fuzzy|furry",
        "like a live wire",
        # clinical words: "saddle paraesthesia", "perianal hypoaesthesia"
        "paraesthesia|paresthesia|paraesthesiae|paraesthesias|paresthesias|hypoaesthesia"
        "|hypoesthesia|hypaesthesia|hypesthesia|dysaesthesia|dysesthesia",
        "diminished|decreased|impaired|absent sensation|feeling",
        # described: the bath water or the cold that does not register
        "n't|nt|not|never register|registered|registering|feel|felt the? heat|warmth|cold|water"
        "|temperature",
    ),
    "ALTERED": (
        "weird|strange|different|odd|funny|dead|asleep|cold|wrong|dull",
        "gone|fallen|fell|went to sleep",
        "sleeping|sleepy|snoozing",
        "not|n't right|normal",
        "like cotton wool",
        # formal: "quite different", "as though anaesthetised", "a reduction in sensation"
        "altered|diminished|reduced|anaesthetised|anesthetized|anaesthetized|numbed",
        "reduction|loss|decrease|diminution|alteration|change in|of sensation|feeling",
        "someone|somebody else|else's|elses",
        "someone's|somebody's else",
    ),
    "NOT_ALTERED": (
        "dull|dead|funny|fuzzy|weird|odd|strange ache|aches|aching|achy|pain|pains|throb"
        "|throbbing|soreness|sore|twinge|twinges|ache-y",
        "dead sore|tired|stiff|heavy|boring",
    ),
    "ABSENT": (
        "nothing|nothin|nuthin there|under|underneath|beneath|below",
        "n't|nt|not there|ther|thr",
        "thin air",
        "cling film|wrap",
        "clingfilm|clingwrap|saran|bubblewrap",
        "bubble wrap",
        "a|some layer|barrier|sheet|wall between",
        "like|on air",
        "on|of|a cushion|pillow|layer|bed of nothing|nothin|air",
        "cardboard|rubber|leather|wooden|plastic|putty|frozen|deadened",
        "novocaine|novocain|lidocaine",
        "local anaesthetic|anesthetic",
        "at|after|from|like the dentist|dentists|dentist's",
        "been|gone|went to|at the|a dentist|dentists|dentist's",
        "dentist|dentist's|dentists|dental injection|injections|jab|needle|numbing",
        "had|after a filling",
        "a|rubber|latex|thick glove|gloves|mitten|mittens",
        "n't|nt|not mine|my own",
        "belong|belongs|belonged to someone|somebody else",
    ),
    "UNABLE": UNABLE_PHRASES,
    "SADDLE": (
        "groin|groins|crotch|crutch|bum|bums|butt|butts|buttock|buttocks|~buttocks|backside|arse"
        "|ass|bottom|genitals|genitalia|~genitals|privates|vagina|vulva|labia|penis|willy"
        "|testicles|scrotum|perineum|perinium|~perineum|taint|anus|rectum|undercarriage|balls"
        "|junk|tackle|nads|gonads|goolies|knackers|bollocks|bollox|cojones|wiener|weiner|peen"
        "|tush|tushie|tushy|keister|heinie|derriere|grundle|chode|taint|cooter|punani|bajingo"
        "|noonie|tuppence",
        "family|crown jewels",
        "meat and|& two veg",
        "wedding tackle",
        "front bottom|bottoms",
        "rear end",
        "bottom|bum|butt|arse|ass cheek|cheeks",
        "genital|private|privates|pubic area|parts|part|bits|bit|region|place",
        "my|front|lady|man|girly|boy|nether|intimate bits|parts|area",
        "minge|fanny|foof|vag|fanjita|nuts|knob|dick|cock|clit|pubes|taint|gooch|nethers|ballsack"
        "|nutsack|todger|pecker|schlong|cooch|coochie|vajayjay|hoo-ha|scrotum|labia",
        "lady|front garden|bits",
        "sexual|sex organs|organ",
        "bum|butt|arse crack",
        "down below|there",
        "between my|the legs",
        "back passage",
        "round|around|in|into|to|through|near my|the|your? back passage",
        "bum|butt|arse hole",
        "butthole|arsehole|asshole",
        "saddle area|region|zone|anaesthesia|anesthesia|numbness|~numbness?",
        "sadle|saddel|sadddle|settle|sadde|saddl area|region|zone",
        # dictation's hearing of "saddle area"
        "sad all|al area|region|zone",
        # the ring: slang for the back passage
        "my|your|me|ur ring",
        "ring piece",
        "manhood|womanhood|downstairs|undercarriage",
        "inner|inside thigh|thighs",
        "inside|inner of my|the? thigh|thighs",
        # "around the private"
        "around|round|near|in the|my private",
        "sit|sitting bones",
        "sitting|sit|seat area|part|parts|region",
        "my seat",
        "nether regions",
        "where|bit|part|area i|you sit",
        "bit|bits|part|parts|area|areas|region|skin|spot|spots where|that|which? i|you|u|we|one"
        " 'd|d|would|normally|usually? sit|sits|touch|touches|touched|rest|rests",
        "where i|you|u|we|one 'd|d|would|normally|usually sit|sits|touch|touches",
        "the|my bit|part|area|parts|bits that|which|you|i sit|sits|touches|touch on? a|the|my? "
        "saddle|seat|bike",
        "lady|man bits|parts",
        "ball sack",
        "perianal|perianally|perineal|perineally|peri-anal|perianum",
        "saddle distribution",
    ),
    "NOT_SADDLE": (
        "bit|bits|part|parts|area|areas|region|skin|spot|spots|place? where|that|which? i|you|u"
        "|we|one 'd|d|would|normally|usually? sit|sits|sat at|in|by|near|next|beside",
        "bottom|bottoms of|line|up|step|stair|half|rung",
        "bum|butt|bottom|arse|ass|backside|glutes|booty|peach looks|look|looked|looking|appears",
        "balls of",
        "bottom lip|lips|teeth|tooth|gum|gums|jaw|eyelid|eyelids",
        "my|the ring finger|fingers",
        "junk food|mail|drawer|room|yard|shop|in|to|out|everywhere|lying",
        "fishing|rugby|football|sliding|bad|late|hard|high tackle|tackles",
        "tackle box|bag|shop|the|it|him|her|them|this|that",
        "kick|kicks|kicked|kicking in? the butt|bum|arse|ass",
        "pain in the arse|butt|ass|bum",
        "bottom|bum|arse|butt work|workout|exercises",
        "groin|bum|butt|glute stretch|stretches|strain|strained|pull|pulled|squeeze|exercise"
        "|exercises|stretching",
        "inner thigh|thighs stretch|stretches|strain|strained|pull|pulled|squeeze|exercise"
        "|exercises|stretching",
    ),
    "WIPE": (
        "wipe|wiping|wiped|wipes|tissue",
        "toilet|loo|bog paper|roll|tissue",
        "the|toilet|loo|bog|tissue paper",
    ),
    "LEG": ("leg|foot|calf|thigh|shin|ankle|knee|hamstring",),
    "LEGS": ("legs|feet|calves|thighs|shins|ankles|knees|lges|leggs|hamstrings|hammies|quads",),
    "MOVING": (
        "sitting|standing|walking|bending|moving|driving|running|sit|stand|walk|bend|move|drive"
        "|sat|stood|activity|active|desk",
    ),
    "DAYTIME": (
        "morning|mornings|daytime|day|days|afternoon|afternoons|evening|evenings|daylight",
        "first thing",
    ),
    "BODY_OTHER": (
        "hand|hands|arm|arms|finger|fingers|fingertips|thumb|face|lip|lips|tongue|neck|shoulder"
        "|shoulders|head|elbow|elbows|wrist|wrists|jaw|scalp|nose|ear|ears|eye|eyes|toe|toes",
    ),
    "BOTH": (
        "both|bilateral|bilaterally|either|each",
        "both|either|each two? sides|side",
        "left and|& right",
        "right and|& left",
    ),
    "SCIATICA": (
        "sciatica|sciatic|siatica|sciatca|sciatika|sciattica|sciactica|~sciatica",
        "nerve pain|pains",
        "shooting|radiating|electric|electrical|stabbing pain|pains|shocks|shock|zaps",
        "pain|pains shooting|radiating|burning",
        "zaps|zapping|zap|jolts|jolt|jolting|shocks|shock|electric|electrical|zingers|zings"
        "|electricity",
    ),
    "ALSO": ("too|also|aswell", "as well", "as well now"),
    "NOT_ALSO": (
        "too long|much|many|far|hard|bad|often|early|late|soon|tired|heavy|quickly|fast|deep|low"
        "|high|tight|sore|stiff|weak|little|big|small",
        "as well as",
    ),
    "OTHER_SIDE": (
        "other|opposite|second",
        "left|right one|side|'s",
        "the|my other|opposite|left|right",
        "the|my other|opposite|left|right one|side",
        "the|my good|better|healthy|unaffected",
    ),
    # ------------------------------------------------------------------ bladder and bowel
    "PEE": (
        "pee|peeing|pees|peed|wee|weeing|wees|wee'd|piss|pissing|urine|urinate|urinating"
        "|urination|~urinating|weewee|wee-wee|pee-ing|peein|weein|urinatin|tinkle|tinkling"
        "|piddle|wiz|whizz|widdle|widdling|weeing|pipi|peepee|pee-pee|micturition|voiding|voided"
        "|void",
        "pass|passing water|urine",
        "number one|1|ones",
        "hold|holding|held my water",
        "spend|spending|spent a penny",
    ),
    "URGE": (
        "need|needing|urge|urges|gotta|got to go|wee|pee|poo|piss",
        "need|needing|urge|urges|gotta|got to go to the|a loo|toilet|bathroom|lav|lavatory",
        "need|needing|want|wanting a|the wee|pee|poo|piss|loo|toilet|bathroom|number",
        "bursting|busting|full|desperate feeling|sensation|urge|signal",
        "urge|signal|warning|sensation|feeling to go|wee|pee|poo",
        "gotta|got to go feeling|sensation|signal",
    ),
    "NOT_URGE": (
        "need|needing|urge|urges|gotta|got to go to|for|out|back|home|and|with|on|in|into|up|down"
        "|shopping|running|over|through|see|get|buy|pick|collect|work|school|bed|sleep|now|soon"
        "|faster|harder|slower|easier|lighter|heavier|further",
    ),
    "NO_RESULT": (
        "and|but|yet|still|just|then|& nothing|nothin|nuthin|nowt|zilch|nada|zip",
        "not|n't|nt|never a|one? single? drop|drip|dribble|drib|thing|sausage",
        "no|zero|nothing|nowt|zilch|nil|not any? wee|pee|urine|piss|joy|luck|result|results|drop"
        "|drops",
        "bone dry",
        "it? just? wo|will|would|does|did n't|nt|not come|start|flow|happen|budge",
        "it? just? wont|wouldnt|doesnt|didnt come|start|flow|happen|budge",
        "nothing|nothin|nuthin|nowt|little|barely|hardly|zero anything|much? would|will|'d|did"
        "|does|is? comes|came|coming|come|happens|happened|happening|happen out?",
        "not much would|will|'d|did|does|is? comes|came|coming|come|happens|happened|happening"
        "|happen out?",
    ),
    "NOT_PEE": (
        # "piss" as an intensifier ("piss weak", "piss easy"), "piss off", "take the piss"
        "piss weak|easy|poor|awful|boring|useless|pathetic|off|take|head|up",
        "take|taking|took the piss",
        "wee boy|boys|girl|girls|one|ones|lad|lass|bairn|bairns|man|woman|bit|while|hour|hours"
        "|thing|dram|walk|sleep|nap|guy|fella|dog|cat|baby|break|treat|minute|moment|lie|wander"
        "|stroll|trip|jog|drink|chat|snack|look|visit|rest|cuppa|tea",
        "pee|wee|urine|piss|weewee 's|is? smells|smell|smelly|stinks|stinky|reeks|looks|look"
        "|looked|looking|colour|color|coloured|colored",
        "pee|wee|urine|piss|weewee 's|is|was|looks|looked|gone|went|turned _? yellow|dark|darker"
        "|cloudy|pink|pinkish|orange|brown|red|frothy|foamy|bubbly|clear|green",
    ),
    "POO": (
        "poo|poop|pooing|pooping|poos|bowel|bowels|stool|stools|faeces|feces|motions|faecal|fecal",
        "a|my motion",
        "open|opening my? bowels",
        "bowel movement|movements",
        "number two|2|twos",
    ),
    "JELLY": ("jelly|jellylike|wobbly|shaky|noodles|spaghetti|rubbery",),
    "NOT_FAILING": (
        "dragging|drag|drags|dragged my|our|his|her|their|your feet|heels|butt|bum|arse|ass",
        "weak|weaker|weakness in|at|with|on my? core|abs|form|technique|grip|glutes",
    ),
    "STREAM": ("stream|flow|flo|jet",),
    "TOILET": (
        "toilet|loo|bathroom|restroom|lavatory|lav|bog|urinal|urinals|wc|potty",
        "toilet|loo seat|seats",
        "for|take|took|taking|takes|have|having a leak|slash|whizz|wiz",
    ),
    "TRY_GO": (
        "try|trying|tried|try'n|tryna to? go",
        "try|trying|tried|try'n|tryna|desperate|bursting|busting|dying|needing to? go to|on the|a"
        " loo|toilet|bathroom|lav|lavatory|toilets",
        "desperate|bursting|busting|dying|needing to go",
        "sat|sitting|stood|standing|strained|straining|pushing|pushed|waited|waiting|tried|trying"
        " on|at|over the|a loo|toilet|bowl|urinal",
    ),
    "NOT_TOILET": (
        "try|trying|tried|try'n|tryna|desperate|bursting|busting|dying|needing to? go for|to|out"
        "|back|on|in|up|down|round|around|through|with|into|over|without|at|home|shopping"
        "|running|swimming|walking|outside",
    ),
    "BLADDER": (
        "bladder|bladdr|blader|bladda|~bladder",
        "waterworks",
        "my|the|me water works",
        # dictation's hearing of "bladder"
        "my|the|me blather|blathers",
    ),
    "CONTINENCE": (
        "incontinence|incontinent|incontinance|incontinant|incontinece|~incontinence|~incontinent",
    ),
    "STUCK": (
        f"{CANT} start|begin|empty|go",
        f"{CANT} get|keep it|things? going|started|flowing|out",
        f"{CANT} hold|control it|on|in|myself",
        "wo|will|would|does|did|do|is|was n't|nt|not start|starting|come|coming|flow|flowing"
        "|happen",
        "wont|wouldnt|doesnt|didnt|dont|isnt|wasnt start|starting|come|coming|flow|flowing|happen",
        "bear|bearing|bore down",
        "force|forcing|forced",
        "never|not|n't|nt fully|properly|completely|quite? finish|finished|finishing|empty|empties"
        "|emptied|emptying",
        "some|more left|leftover",
        "still full",
        "not|n't|nt|never emptying|empty|emptied|empties properly|fully|completely|right",
        "never|not|n't|nt feel|feels|felt|feeling empty|emptied|finished",
        "take|takes|took|taking _{0,2} ages|forever|minutes|mins|while|age to start|come|get|go"
        "|happen|flow",
        "wait|waiting|waited|sit|sat|sitting|stand|stood|standing _{0,2} ages|forever|age before"
        "|until|till",
        # "sitting on the loo for 10 mins before I can wee"
        "for /\\d+/ mins|minutes|min before|until|till i? can|could",
    ),
    "FINISH": (
        f"{CANT} finish|come|release|perform",
        "perform|performing|performance",
        f"{CANT} get|keep it|things up",
        f"{CANT} get|stay|keep hard|erect",
        f"{CANT} get|stay|keep it hard|erect",
        "never|not|n't|nt _{0,1} finish|finishing|climax|climaxing|come|coming anymore|now",
    ),
    "NOT_FINISH": (
        f"{CANT} finish|complete my|his|her|their|our|your|the|a|an|this|that|these|those|off"
        "|reps|sets|dinner|lunch|breakfast|food|meal|work|workout|session|class|run",
        # "can't come to the session on Thursday", "she can't come with me"
        f"{CANT} come|make to|with|over|round|in|along|tonight|today|tomorrow|on|this|next|back"
        "|because|cos|as|till|until|for|at|home|later|monday|tuesday|wednesday|thursday|friday"
        "|saturday|sunday|it",
    ),
    "PARTNER": (
        "wife|husband|hubby|partner|boyfriend|girlfriend|bf|gf|fiance|fiancee|missus|spouse",
        "other half",
    ),
    "FLOW": (
        "trickle|trickles|trickling|trickled|dribble|dribbles|dribbling|dribbled|dribbly|drip"
        "|drips|dripping|dripped|drops|droplets|spurt|spurts|spurting|dribs",
        "leaky|dripping tap",
        "fits and starts",
        "stop|stops and? start|starts|go",
    ),
    "WEAK": ("pathetic|pitiful|piddly|slow|slower|slowly|reduced|poor|rubbish",),
    "FAILING": (
        "weak|weaker|weakly|weakness|weakening|weakened|feeble|feebler|useless"
        "|floppy|buckling|buckled|buckles|bucklin|buckeling|buckleing|trailing|dragging|drags"
        "|dragged|drag",
        "giving|give|gave|gives|givin|giveing way|in",
        "fold|folds|folding|folded|foldin|collapse|collapses|collapsing|collapsed under me?",
        "switch|switches|switched|switching|turn|turns|turned|shut|shuts off|out",
        "quit|quits|quitting|quit on me",
        "go|goes|went|going|gone out? from under|underneath me",
        "dead weight",
        "wo|will|would|does|did|do|is|was|are|were n't|nt|not work|working|push|lift|hold|respond"
        "|cooperate|co-operate",
        "wont|wouldnt|doesnt|didnt|dont|isnt|wasnt|arent|werent work|working|push|lift|hold"
        "|respond|cooperate",
        "stopped|stopping|stops|stop working|responding",
        "nothing 's|is|was working|happening",
        "giving|give|gave|gives out",
        "barely|hardly|struggling|struggle|struggled to? lift|raise|push",
        f"{CANT} lift|raise|push",
        "no power|strength|push",
        "lost|losing|lose all? my|their|its|the|his|her? power|strength|oomph",
        "n't|nt|not as? strong anymore|now",
        "n't|nt|not as? strong any more",
        "no longer strong",
        "do|does|did n't|nt|not have it|any anymore|now",
        "do|does|did n't|nt|not have it|any any more",
        "dont|doesnt|didnt have it|any anymore|now",
        "do|does|did n't|nt|not have the|any strength|power",
        "dont|doesnt|didnt have the|any strength|power",
    ),
    "LEAK": (
        "leak|leaks|leaked|leaking|leakage|leaky|soiled|soiling|escaping|escapes|escaped|seeping"
        "|seeps|seeped",
        "wet|damp patch|patches",
        "messed|wet|soiled myself|meself",
    ),
    "UNAWARE": (
        "did|do|does n't|nt|not even? feel|notice|realise|realize|sense",
        "didnt|dont|doesnt even? feel|notice|realise|realize|sense",
        "ca|can|could n't|nt|not tell|sense",
        "cannot|cant|couldnt tell|sense",
        "no|zero idea|clue if|whether|when",
        "never|without even? felt|feeling|noticed|noticing|realised|realising|realized|realizing"
        "|knowing|knew|sensing|warning",
        "no warning|signal|signals",
        "before i knew|realised|realized|noticed",
    ),
    "CLOTHES": (
        "pants|knickers|undies|underwear|trousers|jeans|leggings|boxers|briefs|mattress|nappy|pad"
        "|pads|nappies|liners|liner|tena|depends",
        "pull ups",
        "pullups",
        "panty liners|liner",
        "on|over|down|into myself|meself",
        "under things|garments|clothes",
        "underthings|undergarments|smalls",
    ),
    "SEX": (
        "sex|intercourse|intimacy|lovemaking|orgasm|orgasms|orgasming|climax|climaxing|ejaculate"
        "|ejaculating|ejaculation|erection|erections|arousal|aroused|libido|foreplay|hardon|boner"
        "|boners",
        "hard on|ons",
        "making|make|made love",
        "sex|love life|drive",
        "bedroom stuff|side|department|life|activity|activities|things",
        "intimate moments|time|times",
    ),
    "BED": ("in bed", "in the sack"),
    # ------------------------------------------------------------------ chest, heart, belly to back
    "HEART": ("heart|ticker",),
    "NOT_HEART": (
        "heart rate|rates|monitor|beat|beats|sank|sinks|sink|broke|broken|set|melted",
        "heart of|to|by",
    ),
    "SQUEEZE": (
        "squeezed|squeezing|squeeze|squeezes|gripped|gripping|grip|grips|clamped|clamping|clamp"
        "|clenched|clenching|clench|vice|vise|pressure|pressing|pressed|crushed|crushing|crush"
        "|heavy|heaviness|tight|tightness|tighter|tightening|tightened|constricted|constricting"
        "|compressed",
        "fist|hand closing|clenching|squeezing|gripping|round|around",
        "weight on|pressing|sitting",
        "band|belt|strap round|around|across",
    ),
    "TO_BACK": (
        "through|thru|into|to|round|around|towards|toward _{0,2} back|spine",
        "from|in my|the back|spine straight|right|all? through|thru|into|round|around to?",
        "and|, my? back too|aswell",
        "and|, my? back as well",
    ),
    "INTENSE": (
        "really|very|so|super bad",
        "awful|terrible|horrible|horrendous|severe|intense|extreme|splitting|bursting|ferocious"
        "|violent",
    ),
    "ABRUPT": (
        "sudden|suddenly|abrupt|abruptly",
        "all of a sudden",
        "out of nowhere",
        "out of the blue",
        "all at once",
        "like a|the light? switch",
        "in a|an split second|instant|flash|heartbeat",
        "split second",
        "hit|hits|struck me like",
        "came|come|comes on fast|quickly|instantly|suddenly|from nowhere",
    ),
    # ------------------------------------------------------------------ falls and injuries
    "FALL": (
        "fell|fallen|felll|falln",
        "fall|falls|falling over|down|off|from|onto|backwards|forwards|of",
        "a|my|bad|nasty|big|small|little|minor|slight|silly|stupid|another|heavy|hard|awkward"
        "|proper|horrible|serious fall|tumble|spill",
        "took|had|taken|take a tumble|spill",
        "went|go|goes|going|flew|came|fell over backwards|sideways|forwards",
        "the fall was|off|from|down|onto|left|broke|hurt|jarred|did|itself",
        "went|go|goes|going|flew|came|fell over the handlebars|bars|top|side|edge",
    ),
    "NOT_FALL": (
        "a|the|heavy|big|light|fresh fall|falls of snow|rain|leaves|hail|soot|rock|rocks",
        "snowfall|rainfall|snowfalls",
        "fell|fallen|falling|fall|falls asleep|behind|apart|for|through|ill|sick|pregnant|short"
        "|silent|flat|quiet|victim|prey|foul",
        "fell|fallen|falling|fall off|of the|my wagon|bandwagon",
        "fell|fallen|falling|fall off|of my|the diet|plan|routine|schedule|programme|program",
        "fell|fallen|falling|fall out of the|my? habit|habits|routine|rhythm|swing",
        "fell|fallen|falling|fall out with",
        f"fell|fall|falls|fallen|falling back? to|from|by {NUMBER}",
        "fell|fall|falls|fallen|falling back? to|from|by /\\d+(?:[.,]\\d+)?\\/10/",
        "pain|score|scores|weight|level|levels|temperature|temp|it|numbers fell|falls|fallen",
        "this|last|next fall",
        "in|since the fall",
        "a|the|this|our|my? fall colours|colors|leaves|season|semester|term|weather|walks|vibes"
        "|foliage|fashion",
        "a|the|this|our|my? fall colour|color|hike|hikes|hiking|walk|trip|break|wedding|festival"
        "|menu|sale|clean|cleanup|collection|wardrobe|jacket|coat|boots|decor|vacation|holiday|camping|sunset"
        "|scenery|photos|pictures",
        "fell|fall|falls|fallen|falling|dropped|landed|crashed on|onto my? foot|feet|toe|toes|me",
        "fell|fall|falls|fallen|falling|dropped|landed|crashed on|onto top of me",
        "^the|a|an|some|this|that|these|those|our /(?!(?:i|me|we|he|she|they|day|days|morning"
        "|night|evening|afternoon|week|weekend|time|other|last|next)$)[a-z']+/{1,3} fell|falls"
        "|fallen|falling|fall",
        "fall|fell|falls in|into|for love|place|line",
        # "my legs are going to fall off": a figure of speech
        "going|about|gonna|gon to|na? fall|drop off",
        "will|'ll|ll|might|may|could|would fall|drop off",
        "legs|arms|bum|butt|glutes|feet|arse|ass|head|hands|knees|ears|toes|fingers|booty|cheeks"
        "|quads|hamstrings|calves|abs|legs' is|are|'s|'re|re|feel|feels|feeling|like|literally"
        "|just|actually{0,4} fall|falls|falling|drop|dropping off",
        "fell|fallen|falling down a rabbit hole",
        # "in" and "of" apart: together they are more sequences than dsl.LITERAL_LIMIT, and as
        # a token pattern the phrase lost to "had a fall" ("had a fall... of motivation").
        "fall|falls|fell|fallen ...|…|..? in motivation|energy|mood|standards|form|interest"
        "|confidence|willpower|discipline|enthusiasm|morale",
        "fall|falls|fell|fallen ...|…|..? of motivation|energy|mood|standards|form|interest"
        "|confidence|willpower|discipline|enthusiasm|morale",
        "motivation|energy|mood|enthusiasm|willpower|discipline|diet|routine|plan|plans|wheels"
        "|standards|morale|confidence has|have|'s|had|is|just? fell|fallen|falling|falls|fall",
        "phone|weight|weights|bar|barbell|dumbbell|kettlebell|plate|book|glass|cup|bottle|box"
        "|picture|shelf|laptop|keys|mat|tree|trees|leaves|rain|snow|prices|price|it|baby|toddler"
        "|kid|dog|cat fell|falls|fallen|falling",
    ),
    "SLIP": ("slipped|slip|slips|slipping|tripped|trip|trips|tripping|stumbled|stumble",),
    "NOT_SLIP": (
        "slipped|slip|slipping a|my disc|disk",
        "slipped|slip disc|disk",
        "tripped|trip|tripping up on|over the|my count|words|lines",
    ),
    "LANDED": (
        "landed|landing|land|lands",
        "went|came|crashed down|over hard?",
        "hit|smacked|slammed|banged the deck|floor|ground",
        "jumped|jumping|jump|leapt|leaped|hopped|bounced|bouncing off|from|down|out",
        "came|come|coming|flew|fly|flying off|from",
        "thrown|flung|tossed|dumped|catapulted|launched",
        "dropped|drop|dropping off|from",
        "came|come down on|onto",
        "jumped|jump|jumping|leapt|leaped|tumbled|flew off|from|down the|a|my? roof|ladder"
        "|scaffold|scaffolding|balcony|loft|stepladder|cliff|tree|horse|wall|bunk|stage|platform"
        "|stairs|steps|height|heights|trampoline",
        "the|a roof|ladder|scaffold|scaffolding|balcony|loft|stepladder|cliff|bunk|platform",
    ),
    "HEIGHT": (
        "/\\d+(?:[.,]\\d+)?/ m|metre|metres|meter|meters|ft|feet|foot|storey|storeys|stories"
        "|floors|rungs|stairs|steps|inches",
        "/\\d+(?:[.,]\\d+)?(?:m|ft)/",
        "a|one|two|three|four|five|six|ten|few|couple of? metres|meters|feet|storeys|floors",
    ),
    "BLOW": (
        "kicked|kneed|booted|punched|elbowed|headbutted|speared|rammed|trampled|stamped|gored"
        "|butted|bucked|tackled|hit|struck|whacked|smacked|thumped|belted|clattered",
        "took|take|taking|taken a|an|his|her|their? helmet|knee|boot|kick|hit|whack|knock|blow"
        "|elbow|shoulder|tackle|shot|head|hoof",
        "got|get a|an|his|her|their helmet|knee|boot|kick|whack|knock|blow|elbow|shoulder"
        "|tackle|head|hoof",
        "knocked|thrown|flung|slammed|pinned|driven|speared me? flat|out|over|down",
        "knocked|thrown|flung|slammed|pinned|driven|speared me? into|onto|to the ground|floor|deck",
    ),
    "SPINE": (
        "lower|upper|middle|mid|low|small of my|the? back|spine",
        "back|spine|tailbone|coccyx|vertebra|vertebrae",
    ),
    "SPREADS": (
        "spreading|spreads|spread|radiating|radiates|radiated|wraps|wrapping|wrapped|travels"
        "|travelling|traveling|travelled|traveled|creeps|creeping|crept|extends|extending|shoots"
        "|shooting|shot|moves|moved|goes|going|went|comes|coming|came|runs|running|reaches|reaching"
        " straight|right|all? up|round|around|into|across|to|towards",
        "round|around to the front",
        "round|around into|to",
    ),
    "WRECK": (
        "flipped|flip|flips|overturned|rolled|somersaulted|spun|skidded|aquaplaned|jackknifed"
        "|totalled|totaled",
        "rolled|rolling|went over",
        "written|wrote off",
        "went|going|ploughed|plowed|smashed|veered|slammed|crashed|careered into|off",
        "hit|into a|the tree|wall|ditch|lamppost|pole|post|barrier|bollard|hedge|fence",
        "into the back|side|front of us|me|my|our",
        "went|came from under|underneath me",
        "off the road",
        "upside down",
    ),
    "VEHICLE": (
        "car|cars|bike|bicycle|motorbike|motorcycle|motorbikes|scooter|van|lorry|truck|bus|taxi"
        "|mtb|bmx|pushbike|dirtbike|skateboard|longboard"
        "|horse|moped|quad|wheel|ebike|e-bike|cyclist|motorbiker|motorist|driver|work|ski|skiing|snowboard|snowboarding|sports|sporting"
        "|rugby|football|climbing|riding|cycling|trampoline|trampolining|road|traffic",
    ),
    "CRASH": (
        "crash|crashed|crashes|collision|collided|smash|smashed|pile-up|pileup|prang"
        "|wreck|rta|rtc|mva|mvc",
        "pile up",
        "rear ended|end",
        "rear-ended|t-boned|tboned",
        "fender bender",
        "hit|knocked|thrown|bucked by|off|down|over|from",
        "run over",
    ),
    "ACCIDENT": ("accident|accidents|mishap",),
    "NOT_ACCIDENT": (
        "accident|accidents|mishap _{0,3} coffee|tea|milk|juice|wine|paint|kettle|drink|cuppa"
        "|smoothie|shake|soup",
        "accident|accidents|mishap _{0,4} spilled|spilt|spilling|spill|spills|splashed|dropped"
        "|knocked",
        "accident|accidents|mishap with|wi|wi'|w/|involving|in the|a|my? coffee|tea|milk|juice"
        "|wine|paint"
        "|kettle|kitchen|blender|printer|keyboard|laptop|phone|cooking|dye|hair|washing|oven",
    ),
    "NOT_CRASH": (
        "like|though i|i've|ive|'ve|been|got|was|d|'d _{0,2} hit|run|knocked|flattened"
        "|steamrollered by|over a|an|the truck|bus|train|lorry|tank|tractor|steamroller",
        "as if i|i've|ive|'ve|been|got|was|d|'d _{0,2} hit|run|knocked|flattened|steamrollered"
        " by|over a|an|the truck|bus|train|lorry|tank|tractor|steamroller",
        "crash|crashed diet|course|mat|pad|out|asleep|landing",
        "laptop|computer|pc|phone|app|website|site|system crashed",
        "sugar crash",
    ),
    # ------------------------------------------------------------------ bone health and steroids
    "OSTEO": (
        "osteoporosis|osteoporotic|osteoperosis|osteoporisis|~osteoporosis|osteopenia|osteopaenia"
        "|~osteopenia",
        "brittle|thin|thinning|weak|fragile|soft bones",
        "low bone density|mass",
        "bone density|mass is|was|'s? low|poor",
        "bone thinning",
        "alendronic acid",
        "alendronate",
    ),
    "OLD_AGE": (
        "^/(?:[7-9]\\d|10\\d)/ ,|with|and|years|yrs|yr|yo|year",
        "i|im 'm|m|am? /(?:[7-9]\\d|10\\d)/",
        "aged|age|being /(?:[7-9]\\d|10\\d)/",
        "/(?:[7-9]\\d|10\\d)/ years|yrs|yr|year old",
    ),
    "STEROID": (
        "prednisolone|prednisone|pred|~prednisolone|~prednisone|dexamethasone|methylprednisolone"
        "|hydrocortisone|steroids|steroid|wysolone|omnacortil|deltacortril|medrol|decadron",
        "steroid tablets|pills",
    ),
    "NOT_STEROID": (
        "steroid|steroids|cortisone inhaler|inhalers|injection|injections|jab|jabs|shot|shots"
        "|cream|creams|spray|nasal|drops|ointment",
        "epidural steroid|steroids",
        "hydrocortisone one|cream|creams|ointment|spray|gel",
        "anabolic steroids|steroid",
    ),
    "CRACK_GO": (
        "crack|cracked|cracking|snap|snapped|snapping|popped|crunch|crunched|crunching|jolt"
        "|jolted|jarred|jarring|juddered|shockwave",
        "felt|feel|feeling|heard|hear|hearing something|sth|it|a bone? go|went|give|gave|snap"
        "|crack|pop|crunch|tear|break|shift",
        "a|loud|big|horrible|sickening crack|crunch|snap|pop",
    ),
    "SUDDEN": (
        "bent|bending|bend down|over",
        "coughed|coughing|cough|sneezed|sneezing|sneeze|lifting|lifted|twisted|twisting|twist"
        "|strained|strain|bumped|bump|knocked|knock",
        "picked|picking|pick up",
        "sharp back|spine? pain|pains|twinge|twinges",
        "missed|misjudged|missing the|a|my bottom|last? chair|seat|step|stair|kerb|curb|edge|sofa"
        "|bed|toilet|loo",
        "sat|sit|sitting|plonked|plopped|flopped|dropped|came|landed down? too? hard|heavily"
        "|awkwardly",
        "back|it|something just? went|gave|gone",
        "bending|reaching|stooping",
    ),
    # ------------------------------------------------------------------ cancer
    "CANCER": (
        "cancer|cancers|cancerous|cancr|canser|cnacer|tumour|tumours|tumor|tumors|tumer|tumours"
        "|carcinoma"
        "|malignancy|malignant|lymphoma|~lymphoma|leukaemia|leukemia|~leukaemia|~leukemia|myeloma"
        "|melanoma|~melanoma|sarcoma|metastasis|metastases|metastatic|mets|secondaries"
        "|mesothelioma|oncologist|oncology|chemo|chemotherapy|~chemotherapy|radiotherapy"
        "|~radiotherapy|remission|~remission|mastectomy|lumpectomy|hodgkin|hodgkins|glioma"
        "|neuroblastoma|seminoma",
        "hodgkin 's",
        "multiple my|mye|mi loma|lomas",
        "myloma|mieloma|myelom|mylenoma|lymphona|lymphomma",
        "the big c",
        "radiation therapy|treatment",
        # hormone and targeted treatments that are only given for cancer
        "tamoxifen|letrozole|femara|anastrozole|arimidex|exemestane|aromasin|herceptin"
        "|trastuzumab|zoladex|goserelin|bicalutamide|enzalutamide|abiraterone|capecitabine"
        "|keytruda|pembrolizumab|imatinib",
    ),
    # ------------------------------------------------------------------ weight
    "WEIGHT_LOSS": (
        "lost|losing|lose|dropped|dropping|shed|shedding nearly|almost|about|around|over|like"
        "|roughly|just|half? a|some|so|loads|lots|heaps|tons|much"
        "|the? bit|lot|load? of? weight|kg|kgs|kilos|lbs|pounds|stone|stones",
        f"lost|losing|dropped|dropping|down|shed|shedding {NUMBER} "
        "kg|kgs|kilo|kilos|lbs|lb|pounds|stone|st?",
        "lost|losing|lose|loosing|loose|lossing|dropped|dropping|shed|shedding|down _{0,3} kg|kgs"
        "|kilo|kilos|lbs|lb|pounds|stone|stones|weight|weigt|wieght|wait|dress|clothes|jean|jeans"
        "|trouser|waist|belt",
        "down|lost|dropped|shed _{0,2} /\\d+(?:[.,]\\d+)?(?:kg|kgs|lbs?|st)/",
        "lost|losing|dropped|dropping _{0,2} a|half|whole|full|couple|few|two _{0,2} sizes|size"
        "|notches|notch|holes",
        "weight loss|reduction",
        # "nothing deliberate, a stone in two months"
        "a|half|one|two|three _{0,1} stone|stones|kilos|kg|kgs|pounds|lbs in|over _{0,1} a|one|two"
        "|three|four|six|few|couple weeks|months|week|month",
        "a|half|one|two|three _{0,1} stone|stones|kilos|kg|kgs|pounds|lbs in|over _{0,1} /\\d+/"
        " weeks|months|week|month",
        "reduction|loss|drop|fall|decrease in|of my? weight|weights",
        "a loss of almost|nearly|about|around|over|roughly? a|half|one|two stone|stones|kg|kilos"
        "|kilograms|pounds|lbs",
        "a loss of almost|nearly|about|around|over|roughly? /\\d+/ stone|stones|kg|kilos|kilograms"
        "|pounds|lbs",
        f"down|dropped|gone from {NUMBER} to {NUMBER} kg|kgs|kilos|kilograms|lbs|pounds|stone?",
        f"lost|losing|dropped|shed {NUMBER} kilograms|kilogram",
        "/\\d+(?:[.,]\\d+)?(?:kg|kgs|lbs?|st)/ lighter",
        f"{NUMBER} kilos|kg|kgs|kilograms|pounds|lbs|stone|stones lighter",
        "a|half|one|two|three kilos|kg|kgs|kilograms|pounds|lbs|stone|stones lighter",
        "ring|rings|watch|bracelet _{0,3} spins|spinning|spin|slides|sliding|slipping|slips|loose",
        "ring|rings|watch|bracelet _{0,3} falling|falls|fell|slipping|slips|slides off",
        "belt|strap _{0,4} last|tightest|extra|new hole|notch",
        "trousers|clothes|jeans|skirts|suits are|feel noticeably|much|very|so|really? loose"
        "|looser|baggy",
        "got|gotten|getting|become|becoming|gone|going|look|looking|looks so|really|very|too|super"
        "? skinny|thin|bony|gaunt|scrawny|skeletal",
        "how|so skinny|thin|bony|gaunt|scrawny i|i've|ive|i'm|im 've|'m|m|ve? got|gotten|become"
        "|getting|look|looking|am|gone",
        "weight|weights has|is|'s|keeps? just|really|literally? dropping|dropped|falling|fallen"
        "|melting|coming off?",
        "clothes|trousers|jeans|everything are|is|'s|keep? hanging|falling off|down me?",
        "clothes|trousers|jeans|belt|everything are|is|'s|feel|feels|getting|got loose|looser|baggy"
        "|baggier",
    ),
    "UNEXPLAINED": (
        "without trying|dieting|meaning|changing|even",
        # "which was not intentional", "nothing deliberate", "wish it was on purpose"
        "not|n't|nt|nothing|never deliberate|deliberately|intentional|intentionally|intended"
        "|planned",
        "not|n't|nt|never on purpose",
        "wish|wished it|this|that|i was|were|had been? deliberate|intentional|planned",
        "wish|wished it|this|that|i was|were|had been? on purpose",
        "not|n't|nt even|been? trying|dieting",
        "no reason|explanation",
        "for no apparent|obvious|real? reason",
        "not|n't|nt know|sure why",
        "unsure why",
        "no idea why|how",
        "unexplained|~unexplained|unintentional|unintentionally|unintended|mysteriously|randomly"
        "|somehow",
        "out of nowhere",
        "out of the blue",
        "dunno|dno|idk why|how",
        "eating|eat normally|normal|same|loads|more|properly|well|fine",
        "eating|eat the same",
        "not|n't|nt|never on|doing a|any? diet|diets",
        "without doing|changing|trying anything _{0,1} different|differently|new",
        "without doing|changing a thing",
        "not|n't|nt|never really|actually|honestly|even? changed|done anything|much",
        "not|n't|nt|never really|actually|honestly|even? changed|done a thing",
        "havent|hasnt|didnt really|actually|honestly|even? changed|done anything|much",
        "not|n't|nt really|actually|honestly been? trying|dieting",
        "n't|nt|not really|actually|honestly|even? changed my|what|how i? eat|diet|eating|food",
        "do|does|did n't|nt|not know|kno|no|knw why",
        "dont|didnt|doesnt know|kno|no|knw why",
        "appetite 's|is|has|was|have gone|poor|rubbish|disappeared|vanished|non-existent|nil"
        "|nothing|lost|down",
        "lost|no|zero|little|poor my|any? appetite",
        "no|cannot|can't|cant explanation|account for it|this|that",
        "ca|can n't|not account for it|this|that",
        "without|no any? change|changes in|to my? diet|eating|activity|exercise|appetite|food",
        "off my|her|his food",
        "look|looking|looks|looked thin|gaunt|skinny|ill|drawn|sick",
        "not|n't|nt|without|never changed|changing what|how|my|anything i? eat|diet|eating|food"
        "|anything",
    ),
    # ------------------------------------------------------------------ infection
    "FEVER": (
        "fever|fevers|feverish|fevery|febrile|fevrish|feaver|fevr|feever|fver|fevah|~feverish",
        "pyrexia|pyrexial|pyrexic",
        "high|raised a? temperature|temp|temps|~temperature|temprature|tempreture|temperture",
        "a|got|have|had|running|run|ran|spiking|spiked temperature|temp|~temperature|temprature"
        "|tempreture|temperture",
    ),
    "NOT_FEVER": (
        "fever|feverish|fevered dream|dreams|dreaming|pitch",
        "cabin|spring|football|cup|election|baby|gym|shopping|holiday|wedding|disco|dance fever",
        "saturday night fever",
        "hay fever",
        "hayfever",
    ),
    "NOT_CHILLS": (
        "chills|shivers|goosebumps watching|listening|reading|hearing|thinking",
        "cold sweat|sweats watching|listening|reading|during|at",
        "chills|shivers|goosebumps from|at|during|over the|that|this film|movie|song|music|speech"
        "|story|show|match|game|concert|performance|news|video",
        "hot and|& cold about|on|over|with",
    ),
    "CHILLS": (
        "chills|chils|rigors|rigours|shivery|shivvery|shivry|shiverey|shivers|shivvers|shivering"
        "|shiverin|shivvering|shivverin|~shivering",
        "hot and|&|n|an cold|shivery|shivvery|shivry|freezing|shivering|shiverin",
        "burning|burnin|boiling hot|up? then|and|n freezing|cold",
        "burnin up",
        "hot then cold",
        "burning up",
        "flu like|-like",
        "flu-like|fluey|flulike",
        "cold sweats|sweat",
        "shaking uncontrollably",
        "teeth chattering",
        "chattering teeth",
    ),
    "SWEAT": ("sweat|sweats|sweating|sweaty|drenched|soaked|soaking|clammy|swetting|sweatin",),
    "NOT_NIGHT": (
        "night|night's|nights sleep|kip|out|off|shift|shifts|owl|owls",
        "good|date|hen|stag|quiz|movie|film|games|girls|lads|party|pub|curry|opening night",
    ),
    "NIGHT": (
        "night|nights|nite|overnight|nighttime|night-time|3am|4am|2am|1am|5am|sheets|pyjamas"
        "|pajamas|bedsheets|bedtime|dawn",
        "in|at|during the night",
        "middle of the night",
        "small|early|wee hours",
        "/[1-5](?:[.:]\\d\\d)?am/",
    ),
    "REST": (
        "lying|laying|lie|lay|lies down|flat|still|in",
        "lying|laying|resting|rest",
        "at rest",
        "sitting|keeping|stay|staying still",
    ),
    "NOT_REST": (
        "no|not|n't|nt|never lying|lie",
        "gonna|going to? lie",
        "tell a lie",
        "rest day|days|week|period|time",
    ),
    "WORSE": (
        "worse|worst",
        "at its|it's|it 's worst",
        "makes|made|making it|things|everything worse",
        "no|zero relief",
        "does|do|did|wo n't|nt|not ease|help|settle|change",
        "doesnt|dont|didnt|wont ease|help|settle|change",
        "never eases|settles|stops|lets up",
        "nothing eases|helps|settles|touches|shifts it?",
        "makes|made|making _{0,3} so|really|very|much|way? bad|worse|awful|unbearable|agony"
        "|terrible|horrendous|horrible",
        "kills|killed|killing|murders|wrecks my back|it",
    ),
    "WAKES": (
        "wakes|woke|waking|wake|woken me",
        "keeps|kept|keeping|keep me awake|up",
        "stops|stopping|stopped|stop|prevents|preventing me|her|him from? sleeping|sleep|getting",
        "has|had|have|got me up|awake",
        "up pacing|walking",
        f"{CANT} sleep",
    ),
    "INFECTION": (
        "uti|utis|infection|infections|infected|pneumonia|cellulitis|abscess|sepsis|septic"
        "|pyelonephritis|antibiotics|antibiotic|covid|covid-19|tonsillitis|dengue|malaria"
        "|typhoid|tb|tuberculosis|meningitis|endocarditis|osteomyelitis|discitis|mrsa|staph"
        "|brucellosis|pyelo",
        "water|urine|bladder|kidney|chest|skin|wound|tooth|dental|ear|throat infection|infections",
    ),
    "NOT_INFECTION": (
        "flu|covid jab|jabs|vaccine|shot|vaccination|booster|test|tests|rules|lockdown",
        "antibiotic cream|ointment",
    ),
    "INJECT_DRUGS": (
        "inject|injecting|injected drugs|heroin|meth|crack|speed|cocaine|coke",
        "heroin|smack",
        "iv|intravenous drug|drugs",
        "share|sharing|shared dirty? needles",
        "pwid",
        "been|started|start|back|still|am|'m|m|'ve|ve|keep|kept|i injecting|inject|injected"
        " again|regularly|still|daily|lately|recently|now?",
        "injecting|injected again",
        "been|started|was|i|im|'m|am|keep|kept|back shooting|shot|shoot up",
        "( inject|injecting|injection )",
        "inject|injecting drug|drugs user|use",
        "been|was|started|start|i|im|'m|am|'ve|ve|keep|kept using again",
        "using _{0,3} needles|needle",
        "back on the needle|gear|smack",
        "relapsed|relapse _{0,3} needle|needles|heroin|drugs|using",
    ),
    "IMMUNE_CONDITION": (
        "immunocompromised|~immunocompromised|immunodeficient|neutropenic|hiv|hiv+|transplant"
        "|transplants|transplanted",
        "immune|immuno compromised|deficiency",
        "weak|weakened|low|poor|suppressed|compromised immune system|systems",
        "low immunity",
    ),
    "IMMUNE": (
        "immunosuppressed|immunosuppressant|immunosuppressants|immunosuppression"
        "|~immunosuppressed|methotrexate|biologic|biologics|humira"
        "|adalimumab|infliximab|etanercept|rituximab|tocilizumab|azathioprine|tacrolimus"
        "|ciclosporin|cyclosporine|mycophenolate|remicade|enbrel|cellcept|stelara|ustekinumab"
        "|cosentyx|secukinumab|simponi|golimumab|cimzia|certolizumab|benepali|amgevita|imraldi"
        "|hyrimoz|xeljanz|tofacitinib|olumiant|baricitinib|rinvoq|upadacitinib|leflunomide"
        "|ocrevus|ocrelizumab|tysabri|natalizumab|entyvio|vedolizumab",
        # "I inject Humira": an immunosuppressant, not injecting drugs
        "i|im|'m|ve|'ve|been|am|we|she|he|they? inject|injecting|injected|injection|injections"
        " my|the|an|her|his? humira|methotrexate|enbrel|stelara|cimzia|simponi|cosentyx"
        "|benepali|amgevita|imraldi|hyrimoz|adalimumab|etanercept",
        "immune|immuno suppressed|suppressant|suppressants|suppression",
        "anti-rejection|antirejection",
        "anti rejection",
    ),
    "NOT_IMMUNE": ("hair transplant", "hiv test|negative"),
    "NOT_INJECT": (
        "i|im|'m|ve|'ve|been|am|we|she|he|they? inject|injecting|injected|injection|injections"
        " my|the|an|her|his? insulin|b12|ozempic"
        "|wegovy|mounjaro|saxenda|fragmin|clexane|heparin|testosterone"
        "|hormones|ivf|vitamin|vitamins|botox|filler|fillers|fertility|dupixent"
        "|semaglutide|tirzepatide|epipen|meds|medication|cat|dog",
    ),
    # ------------------------------------------------------------------ chest and aorta
    "CHEST": ("chest|ches|chesst|chestt|chset|breastbone|sternum", "my chess"),
    "NOT_CHEST": ("chest press|presses|fly|flies|day|workout|muscles|muscle|stretch|opener",),
    "TEARING": (
        "tearing|ripping|tear|rip|torn|ripped|rips|tears|tearin|rippin|riping|teering|tareing",
    ),
    "SHOULDER_BLADES": (
        "between|inbetween|betwen|btwn|in between my|the|your? shoulder blades|blade|shoulderblades"
        "|shoulderblade",
        "shoulder blades|shoulderblades",
    ),
    "NOT_TEARING": (
        "tearing|ripping through",
        "tears in my eyes",
        "in tears",
        "ripped abs|physique|body",
        "getting ripped",
        "tear|tears up",
    ),
    "BELLY": (
        "belly|tummy|stomach|abdomen|abdominal|abdo|gut|navel|belly-button|bellybutton",
        "belly button",
    ),
    "LUMP": ("lump|lumps|mass|bulge|swelling|bump|lumpy",),
    "PULSE": (
        "pulsating|pulsing|pulsatile|pulsate|pulsates|pulse|pulses|throbbing|throbs|throb"
        "|beating|beats|pounding|~pulsating|heartbeat|thumping",
        "heart beat",
    ),
    # ------------------------------------------------------------------ pain
    "SEVERE": (
        "unbearable|~unbearable|unbearible|unberable|unbareable|excruciating|~excruciating"
        "|excrutiating|~excrutiating|agony|agonising|agonizing|~agonising|~agonizing|intolerable"
        "|crippling|horrendous|debilitating|horrific|torture|torturous|insufferable",
        "off the charts|chart|scale",
        "scream|screaming|screamy|screamer level|worthy|inducing",
        "screamingly painful|sore|bad",
        "so bad|much i|that i? _{0,1} scream|screamed|screaming|yelped|howled|shrieked",
        "made|make|makes|making me scream|screaming|yelp|howl|shriek",
        f"{CANT} bear|stand|cope|take|handle it|this|the pain",
    ),
    "NOT_SEVERE": (
        "heat|weather|humidity|traffic|noise|boredom|commute|queue|wait|suspense is|was|'s|are"
        "|been so|really|just? unbearable|insufferable|intolerable|torture",
        "unbearable|insufferable heat|weather|humidity|noise|people",
        "crippling|debilitating anxiety|stress|fear|debt|shyness|costs|bills|depression",
    ),
    "EXERCISE": (
        "workout|workouts|session|sessions|exercise|exercises|bridges|bridge|lunges|lunge|squats"
        "|squat|plank|planks|stretch|stretches|stretching|class|training|gym|hike|reps|sets"
        "|circuit|burpees|deadlifts|deadlift|programme|program|routine|protocol|crunches"
        "|pushups|push-ups|press-ups|thrusts|kettlebell|yoga|pilates|spin|swim|football"
        "|netball|tennis|golf|massage|step-ups|copenhagen|stairmaster|stepper|treadmill|rower"
        "|rowing|peloton|elliptical|crosstrainer",
        "leg|arm|chest|back day",
        "wall sit|sits",
        "push|press|step ups",
        "dead bugs|bug",
        "bird dogs|dog",
        "hip thrusts",
        "cat cow",
    ),
    "HUMOUR": (
        "lol|lmao|haha|hahaha|hehe|lolol|rofl|jk|😂|🤣|😅|😆|😜|🙃|😝|🤪|xd|😄",
        "/ha(?:ha)+h?/",
        "ha ha",
        "he he",
        "/lo+l/",
    ),
}
