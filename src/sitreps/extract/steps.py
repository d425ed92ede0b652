"""Extraction as an ordered list of named steps over one article's working record.

The spaCy way: each step does one job, `step(record) -> record`, and its results live on the
shared `ArticleRecord` (the toponyms, the actor tracker, the event candidates, the mentions).
Steps are built once per process from the injected `ExtractionResources` (a factory
`(resources) -> step`), and declare what they read and write on the record and which data files
they use, so `sitreps pipeline` can print the order without building them.

`DEFAULT_STEPS` is the order, in one place. A step is replaced or added by name through
`sitreps.toml` (`sitreps.config`) or an installed `sitreps.steps` entry point
(`sitreps.hookspecs`): e.g. the `events` step (triggers + the learned event model) can be swapped
for another event detector that writes `record.candidates`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from sitreps.config import StepsConfig
from sitreps.hookspecs import STEPS, PluginError, load_plugin, plugins

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from sitreps.extract.mentions import Candidate, ExtractionResources
    from sitreps.extract.roles import ActorTracker
    from sitreps.extract.toponyms import Toponym
    from sitreps.model import Article, Mention
    from sitreps.resolve.actors import ActorEntry


@dataclass
class ArticleRecord:
    """One article while the steps read it. Every offset points into `article.text`; `doc` is its
    parse (of the case-restored text, same length)."""

    article: Article
    doc: Doc
    paragraph_starts: list[int] = field(default_factory=list)
    toponyms: list[Toponym] = field(default_factory=list)
    registered: list[tuple[Span, ActorEntry]] = field(default_factory=list)  # registry actors, text order
    tracker: ActorTracker | None = None
    candidates: list[Candidate] = field(default_factory=list)
    orphan_figures: list[Any] = field(default_factory=list)  # (figure, claim, sent start, end, paragraph)
    story_placed: bool = False  # the story names a town or region
    mentions: list[Mention] = field(default_factory=list)


@runtime_checkable
class Step(Protocol):
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    data: tuple[str, ...]  # the data files it reads (under sitreps/data unless a path says otherwise)

    def __call__(self, record: ArticleRecord) -> ArticleRecord: ...


StepFactory = Callable[["ExtractionResources"], Step]

# The order of extraction, in one place: (name, "module:factory").
DEFAULT_STEPS: tuple[tuple[str, str], ...] = (
    ("paragraphs", "sitreps.extract.mentions:ParagraphStep"),
    ("toponyms", "sitreps.extract.mentions:ToponymStep"),
    ("actors", "sitreps.extract.mentions:ActorStep"),
    ("events", "sitreps.extract.mentions:EventStep"),
    ("figures", "sitreps.extract.mentions:OrphanFigureStep"),
    ("places", "sitreps.extract.mentions:PlaceStep"),
    ("merge", "sitreps.extract.mentions:MergeStep"),
    ("background", "sitreps.extract.mentions:BackgroundStep"),
    ("mentions", "sitreps.extract.mentions:MentionStep"),
)


@dataclass(frozen=True)
class StepSpec:
    """One entry of the pipeline: its name, where its factory comes from, and the factory."""

    name: str
    origin: str  # "built-in", the config file, or "plug-in <dist>"
    factory: Any

    def describe(self) -> dict[str, Any]:
        """Name, reads, writes and data files, as the factory (a step class) declares them."""
        return {
            "name": self.name,
            "origin": self.origin,
            "reads": list(getattr(self.factory, "reads", ())),
            "writes": list(getattr(self.factory, "writes", ())),
            "data": list(getattr(self.factory, "data", ())),
        }


def _resolve_in(config: StepsConfig, reference: str) -> tuple[Any, str]:
    try:
        return _resolve(reference)
    except PluginError as exc:
        raise PluginError(f"{config.source}: {exc}") from exc


def _resolve(reference: str) -> tuple[Any, str]:
    """A factory from "module:attr", or from an installed `sitreps.steps` entry point name."""
    if ":" in reference:
        module, _, attr = reference.partition(":")
        try:
            return getattr(import_module(module), attr), "config"
        except (ImportError, AttributeError) as exc:
            raise PluginError(f"step {reference!r} cannot load: {exc}") from exc
    point = plugins(STEPS).get(reference)
    if point is None:
        raise PluginError(f"no step {reference!r}: give 'module:factory' or an installed sitreps.steps name")
    dist = point.dist.name if point.dist is not None else "?"
    return load_plugin(point), f"plug-in {dist}"


def pipeline_specs(config: StepsConfig | None = None) -> list[StepSpec]:
    """The steps in order with `config`'s replacements and additions applied."""
    config = config or StepsConfig()
    names = [name for name, _ in DEFAULT_STEPS]
    for name in config.replace:
        if name not in names:
            raise PluginError(f"{config.source}: no step named {name!r} to replace (steps: {', '.join(names)})")
    specs: list[StepSpec] = []
    for name, reference in DEFAULT_STEPS:
        if name in config.replace:
            factory, origin = _resolve_in(config, config.replace[name])
            specs.append(StepSpec(name, f"{origin} ({config.source})" if origin == "config" else origin, factory))
        else:
            module, _, attr = reference.partition(":")
            specs.append(StepSpec(name, "built-in", getattr(import_module(module), attr)))
    for added in config.add:
        at = next((i for i, spec in enumerate(specs) if spec.name == added.after), None)
        if at is None:
            raise PluginError(f"{config.source}: no step {added.after!r} to add a step after")
        factory, origin = _resolve_in(config, added.step)
        name = getattr(factory, "name", added.step)
        specs.insert(at + 1, StepSpec(name, f"{origin} ({config.source})" if origin == "config" else origin, factory))
    return specs


def build_steps(resources: ExtractionResources, config: StepsConfig | None = None) -> list[Step]:
    """Every step built once, with the resources injected."""
    steps = []
    for spec in pipeline_specs(config):
        step = spec.factory(resources)
        if not isinstance(step, Step):
            raise PluginError(f"step {spec.name!r} ({spec.origin}) built a {type(step).__name__}, not a Step")
        steps.append(step)
    return steps


def run_steps(steps: Sequence[Step], record: ArticleRecord) -> ArticleRecord:
    for step in steps:
        record = step(record)
    return record
