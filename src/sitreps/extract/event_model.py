"""The learned event step: for a sentence, how likely it reports a concrete ACLED event, and which of
ACLED's 25 sub-event types.

The model is a multinomial logistic regression over hashed-free, explicit text features (word
unigrams and bigrams, and character 3-5-grams inside words, all lower-cased so that ALL-CAPS wire
copy reads like mixed case). It is trained by `scripts/train_event_model.py` on the passages the
project wrote in `data/training/events/` and shipped as two files in `sitreps/data/models/`:
`event_model.npz` (vocabulary, idf, weights) and `event_model.json` (labels, thresholds and how
they were measured). Inference needs only numpy; scikit-learn is used for training alone.

`featurize` is the single definition of the features: training and inference both call it, so the
two can never drift apart.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

NONE_LABEL = "NONE"

# ACLED's hierarchy: sub-event type -> event type.
SUB_EVENT_PARENT: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_DIGITS = re.compile(r"\d")


def featurize(text: str) -> list[str]:
    """The model's features of one passage: `w:` words, `b:` word bigrams, `c:` in-word char n-grams.

    Digits become 0 (a toll of 12 and one of 47 read alike); case is dropped.
    """
    words = [_DIGITS.sub("0", w) for w in _WORD.findall(text.lower())]
    feats = [f"w:{w}" for w in words]
    feats.extend(f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    for w in words:
        if len(w) < 4 or w.isdigit():
            continue
        padded = f"<{w}>"
        for n in (3, 4, 5):
            feats.extend(f"c:{padded[i : i + n]}" for i in range(len(padded) - n + 1))
    return feats


@dataclass(frozen=True)
class EventScores:
    """The model's reading of one sentence."""

    p_event: float  # 1 - P(NONE)
    ranked: tuple[tuple[str, float], ...]  # sub-event types by probability, best first (NONE left out)

    @property
    def sub_event_type(self) -> str:
        return self.ranked[0][0]

    @property
    def sub_probability(self) -> float:
        """P(best sub-type | an event): the model's confidence in its type, given that it is an event."""
        return self.ranked[0][1] / self.p_event if self.p_event > 0 else 0.0

    @property
    def event_type(self) -> str:
        return SUB_EVENT_PARENT[self.sub_event_type]

    def probability(self, subs: set[str | None]) -> float:
        """P(any of these sub-event types)."""
        return sum(p for sub, p in self.ranked if sub in subs)

    def top(self, n: int = 3) -> list[tuple[str, float]]:
        return list(self.ranked[:n])


@dataclass(frozen=True)
class Thresholds:
    """Decision thresholds, measured on the held-back split (see event_model.json's `measured`)."""

    detect: float  # a sentence the rules are silent on is an event when p_event >= detect
    veto: float  # rule triggers in a sentence are dropped when P(NONE) >= veto
    retype: float  # the model's sub-type replaces the rule's when its probability >= retype
    # rule triggers that are all ambiguous words (`violent` or `needs_weapon` in the lexicon:
    # "exploded", "killed", "attack") are dropped from this lower P(NONE) on
    veto_ambiguous: float = 1.0


class EventModel:
    """The shipped event classifier. Build one per process (`EventModel.load()`) and inject it."""

    def __init__(
        self,
        vocabulary: dict[str, int],
        idf: np.ndarray,
        weights: np.ndarray,
        bias: np.ndarray,
        labels: Sequence[str],
        thresholds: Thresholds,
        meta: dict,
    ) -> None:
        self.vocabulary, self.idf, self.weights, self.bias = vocabulary, idf, weights, bias
        self.labels = tuple(labels)
        self.none_index = self.labels.index(NONE_LABEL)
        self.thresholds = thresholds
        self.meta = meta

    @classmethod
    def load(cls, folder: Path | None = None) -> EventModel:
        """Load `event_model.npz` + `event_model.json` from `folder` (default: the packaged model)."""
        base = folder if folder is not None else resources.files("sitreps.data") / "models"
        meta = json.loads((base / "event_model.json").read_text("utf-8"))
        with (base / "event_model.npz").open("rb") as fh:
            arrays = np.load(fh, allow_pickle=False)
            terms = [str(t) for t in arrays["terms"]]
            idf, weights, bias = arrays["idf"], arrays["weights"], arrays["bias"]
        th = meta["thresholds"]
        return cls(
            {t: i for i, t in enumerate(terms)},
            idf.astype(np.float32),
            weights.astype(np.float32),
            bias.astype(np.float32),
            meta["labels"],
            Thresholds(
                detect=th["detect"],
                veto=th["veto"],
                retype=th["retype"],
                veto_ambiguous=th.get("veto_ambiguous", th["veto"]),
            ),
            meta,
        )

    def vectorize(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(feature indices, tf-idf values, l2-normalised) of one passage, unknown features dropped."""
        counts: dict[int, int] = {}
        vocab = self.vocabulary
        for f in featurize(text):
            j = vocab.get(f)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        vals = (1.0 + np.log(tf)) * self.idf[idx]
        norm = float(np.sqrt(np.dot(vals, vals)))
        return idx, vals / norm if norm > 0 else vals

    def probabilities(self, text: str) -> np.ndarray:
        idx, vals = self.vectorize(text)
        logits = self.bias + vals @ self.weights[idx] if len(idx) else self.bias.copy()
        logits = logits - logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def score(self, text: str) -> EventScores:
        probs = self.probabilities(text)
        order = np.argsort(-probs)
        ranked = tuple((self.labels[i], float(probs[i])) for i in order if i != self.none_index)
        return EventScores(p_event=float(1.0 - probs[self.none_index]), ranked=ranked)

    def predict(self, text: str) -> str:
        """The single label (a sub-event type, or NONE) with the highest probability."""
        return self.labels[int(np.argmax(self.probabilities(text)))]
