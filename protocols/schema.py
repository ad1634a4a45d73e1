"""The shape of a protocol file: protocol → workouts → blocks → exercises → dosage.

Models are frozen and reject unknown fields, so a typo in a YAML file is an error, never a
silently ignored line. Rules that span several fields (one dosage amount, unique labels, a
superset needs two exercises, ...) raise `RuleError`, which carries the path of the offending
field relative to the model; `protocols.validate` uses it to point at the right YAML line.

Conventions a coach writes in:

- A *single* block holds one exercise; its sets live in the exercise's dosage.
- A *superset* alternates its exercises set by set (E1 set 1, E2 set 1, E1 set 2, ...); each
  exercise's sets live in its own dosage.
- A *circuit* repeats all its exercises round by round, `rounds` times; each exercise does one
  set per round, so its dosage keeps the default `sets: 1` ("3 x 5ea" is 3 rounds of 5 each).
- A superset or circuit may give `rest_seconds`: the rest the bot times between its rounds.
- An exercise may list `easier:` and `harder:` variants (the first is one step away, the next
  two steps, ...), each with its own name, dosage and cue; a variant keeps the exercise's number
  of sets, so a member can switch mid-session without the steps moving.
- `media:` names a demo clip: a file in the protocols folder (a relative path) or an https URL.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

FieldPath = tuple[str | int, ...]


class RuleError(ValueError):
    """A rule across fields was broken; `path` names the offending field within the model."""

    def __init__(self, message: str, path: FieldPath = ()) -> None:
        super().__init__(message)
        self.path = path


def _number_to_text(value: object) -> object:
    """Let a coach write `label: 1` for a circuit without quoting it."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


PositiveInt = Annotated[int, Field(strict=True, gt=0)]
PositiveNumber = Annotated[float, Field(strict=True, gt=0)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Label = Annotated[str, BeforeValidator(_number_to_text), StringConstraints(pattern=r"^\w{1,8}$")]
Per = Literal["side", "leg", "leg_and_side", "each", "each_way"]


def _inside_the_folder(value: str) -> str:
    """A media path may not climb out of the protocols folder."""
    if not value.startswith("https://") and ".." in value.split("/"):
        raise RuleError(f"media must stay inside the protocols folder, got {value!r}")
    return value


Media = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        # an https URL, or a relative path in the protocols folder
        pattern=r"^(https://\S+|[\w.-][\w./ -]*\.(mp4|mov|webm|gif))$",
    ),
    AfterValidator(_inside_the_folder),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def __hash__(self) -> int:
        """Hash by value, reading lists as tuples, so any model (and a Step) can key a cache."""
        return hash(
            tuple(
                tuple(value) if isinstance(value, list) else value
                for value in self.__dict__.values()
            )
        )


class Dosage(_Model):
    """How much of an exercise: `sets` of exactly one amount (reps, a hold, or minutes)."""

    sets: PositiveInt = 1
    reps: PositiveInt | None = None
    hold_seconds: PositiveInt | None = None
    minutes: PositiveNumber | None = None
    alt_hold_seconds: PositiveInt | None = None
    """For rep exercises whose easier or harder version is a hold ("30 seconds for holds")."""
    per: Per | None = None
    or_more: Annotated[bool, Field(strict=True)] = False
    """The coach is happy for the member to do more than this."""

    @model_validator(mode="after")
    def _one_amount(self) -> Dosage:
        given = [name for name in ("reps", "hold_seconds", "minutes") if getattr(self, name)]
        if not given:
            raise RuleError("missing dosage: give reps, hold_seconds or minutes")
        if len(given) > 1:
            raise RuleError(
                f"give only one of reps, hold_seconds or minutes, not {' and '.join(given)}",
                (given[1],),
            )
        if self.alt_hold_seconds is not None and self.reps is None:
            raise RuleError("alt_hold_seconds only goes with reps", ("alt_hold_seconds",))
        return self

    @property
    def timed_seconds(self) -> int | None:
        """Seconds one set lasts, when it is timed (a hold or minutes), for the bot's timer."""
        if self.hold_seconds is not None:
            return self.hold_seconds
        if self.minutes is not None:
            return round(self.minutes * 60)
        return None


class Variant(_Model):
    """A way of doing an exercise: the coach's own, or an easier or harder version of it."""

    name: Text
    dosage: Dosage
    cue: Text | None = None
    """How to do it well, in a sentence or two (shown on the card)."""
    how_to: Text | None = None
    """The longer explanation, shown behind the card's "How to" button."""
    media: Media | None = None
    """A demo clip: a file in the protocols folder, or an https URL."""


class Exercise(_Model):
    """One exercise as the coach labelled it ("A", "E1", "1a")."""

    label: Label
    name: Text
    dosage: Dosage
    cue: Text | None = None
    """How to do it well, in a sentence or two."""
    how_to: Text | None = None
    """The longer explanation, shown behind the card's "How to" button."""
    caution: Text | None = None
    """When to hold back or reach out, e.g. if this is too hard."""
    media: Media | None = None
    """A demo clip: a file in the protocols folder, or an https URL."""
    easier: list[Variant] = []
    """Easier versions, one step easier first."""
    harder: list[Variant] = []
    """Harder versions, one step harder first."""
    tell_coach_if_too_hard: Annotated[bool, Field(strict=True)] = False
    """The coach wants to hear when a member finds this too hard, variant or not."""

    @model_validator(mode="after")
    def _variants_keep_the_sets(self) -> Exercise:
        for direction in ("easier", "harder"):
            for index, variant in enumerate(getattr(self, direction)):
                if variant.dosage.sets != self.dosage.sets:
                    raise RuleError(
                        f"a variant keeps the exercise's sets ({self.dosage.sets}), "
                        f"this one has {variant.dosage.sets}",
                        (direction, index, "dosage", "sets"),
                    )
        return self

    @property
    def levels(self) -> range:
        """Levels it can be done at: -len(easier) .. 0 (as written) .. len(harder)."""
        return range(-len(self.easier), len(self.harder) + 1)

    def at_level(self, level: int) -> Variant:
        """The exercise as done at `level` (clamped to the variants there are)."""
        level = max(self.levels.start, min(self.levels.stop - 1, level))
        if level < 0:
            return self.easier[-level - 1]
        if level > 0:
            return self.harder[level - 1]
        return Variant(
            name=self.name, dosage=self.dosage, cue=self.cue, how_to=self.how_to, media=self.media
        )


class Block(_Model):
    """A lettered or numbered part of a workout: one exercise, a superset or a circuit."""

    label: Label
    kind: Literal["single", "superset", "circuit"] = "single"
    rounds: PositiveInt = 1
    """Circuit rounds; single blocks and supersets keep 1 (their sets live in the dosage)."""
    rest_seconds: PositiveInt | None = None
    """Rest between rounds of a superset or circuit, timed by the bot; None: no rest timer."""
    exercises: Annotated[list[Exercise], Field(min_length=1)]

    @model_validator(mode="after")
    def _shape(self) -> Block:
        count = len(self.exercises)
        if self.kind == "single" and count != 1:
            raise RuleError(
                f"a single block holds exactly one exercise, this one has {count}: "
                "use kind: superset or kind: circuit",
                ("exercises",),
            )
        if self.kind in ("superset", "circuit") and count < 2:
            raise RuleError(f"{self.kind} with fewer than 2 exercises", ("exercises",))
        if self.kind == "single" and self.rest_seconds is not None:
            raise RuleError(
                "rest_seconds is only for supersets and circuits (the rest between rounds)",
                ("rest_seconds",),
            )
        if self.kind != "circuit" and self.rounds != 1:
            raise RuleError(
                "rounds is only for circuits: put the sets in each exercise's dosage", ("rounds",)
            )
        if self.kind == "circuit":
            for index, exercise in enumerate(self.exercises):
                if exercise.dosage.sets != 1:
                    raise RuleError(
                        "in a circuit each exercise does one set per round: "
                        "set the block's rounds instead of the exercise's sets",
                        ("exercises", index, "dosage", "sets"),
                    )
        return self


class Workout(_Model):
    """One session a member does, e.g. "day-1".

    `expected_minutes` is how long a session takes once the member knows the moves: a range
    `(15, 20)`, a single estimate `20`, or None when the coach did not say.
    """

    key: Slug
    title: Text
    intent: Text
    weekly_cap: PositiveInt
    """At most this many sessions of this workout per week."""
    expected_minutes: tuple[int, int] | int | None = None
    blocks: Annotated[list[Block], Field(min_length=1)]

    @field_validator("expected_minutes", mode="before")
    @classmethod
    def _minutes(cls, value: Any) -> Any:
        def positive(number: Any) -> bool:
            return isinstance(number, int) and not isinstance(number, bool) and number > 0

        if value is None or positive(value):
            return value
        if (
            isinstance(value, list | tuple)
            and len(value) == 2
            and all(positive(number) for number in value)
            and value[0] <= value[1]
        ):
            return tuple(value)
        raise RuleError(
            f"expected_minutes must be minutes (like 20) or a range (like [15, 20]), got {value!r}"
        )

    @model_validator(mode="after")
    def _unique_labels(self) -> Workout:
        blocks: set[str] = set()
        exercises: dict[str, str] = {}
        for block_index, block in enumerate(self.blocks):
            if block.label in blocks:
                raise RuleError(
                    f"duplicate block label {block.label!r}", ("blocks", block_index, "label")
                )
            blocks.add(block.label)
            for exercise_index, exercise in enumerate(block.exercises):
                if exercise.label in exercises:
                    raise RuleError(
                        f"duplicate exercise label {exercise.label!r} "
                        f"(already used in block {exercises[exercise.label]})",
                        ("blocks", block_index, "exercises", exercise_index, "label"),
                    )
                exercises[exercise.label] = block.label
        return self


class Protocol(_Model):
    """A coach's protocol: one or more workouts a member rotates through."""

    name: Slug
    """Slug naming the protocol; equals the file's stem."""
    title: Text
    summary: Text
    disclaimer: Text | None = None
    workouts: Annotated[list[Workout], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique_keys(self) -> Protocol:
        seen: set[str] = set()
        for index, workout in enumerate(self.workouts):
            if workout.key in seen:
                raise RuleError(
                    f"duplicate workout key {workout.key!r}", ("workouts", index, "key")
                )
            seen.add(workout.key)
        return self

    def workout(self, key: str) -> Workout:
        """The workout with this key; KeyError if the protocol has none."""
        for workout in self.workouts:
            if workout.key == key:
                return workout
        raise KeyError(f"protocol {self.name!r} has no workout {key!r}")
