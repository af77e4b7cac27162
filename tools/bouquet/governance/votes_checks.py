"""Checks of one decision folder: its body, its ballots and proxies, the seal (BQ3xx)."""

from __future__ import annotations

from collections.abc import Generator, Iterator, Mapping

from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic
from bouquet.governance.files import BALLOTS, PROXIES, name_key, submission_kind
from bouquet.governance.minutes import typo
from bouquet.governance.models import (
    Bulletin,
    Choix,
    Decision,
    Instance,
    Membre,
    Methode,
    Procuration,
    Statut,
)
from bouquet.governance.parsing import parse
from bouquet.governance.positions import Located
from bouquet.governance.signatures import SIGNATURE_SUFFIX

_SIGNED = {BALLOTS: "bulletins signés", PROXIES: "procurations signées"}
_CHOICES = {
    Methode.MAJORITE: {Choix.POUR, Choix.CONTRE, Choix.ABSTENTION, Choix.BLANC},
    Methode.CONSENTEMENT: {Choix.CONSENTEMENT, Choix.OBJECTION},
    Methode.JUGEMENT_MAJORITAIRE: set(),
}


def check_decision(
    folder: str,
    located: Located,
    decision: Decision,
    instances: Mapping[str, Instance],
    members: Mapping[str, Membre],
    sources: Mapping[str, bytes],
    sealed: Mapping[str, bytes] | None,
) -> Iterator[Diagnostic]:
    path = f"{folder}/decision.yaml"
    if folder.rsplit("/", 1)[-1] != decision.id:
        line, column = located.at("id")
        yield diag("BQ308", path, line, column, typo(
            f"l'identifiant « {decision.id} » ne correspond pas au dossier"))
    instance = instances.get(decision.instance)
    if instance is None:
        line, column = located.at("instance")
        yield diag("BQ307", path, line, column, typo(
            f"instance inconnue « {decision.instance} » : aucun fichier "
            f"governance/instances/{decision.instance}.yaml"))
    yield from _name_variants(folder, sources)
    roster = set(instance.membres) if instance else set(members)
    holders: dict[str, tuple[str, str]] = {}  # principal -> (holder, path)
    for file in sorted(p for p in sources if submission_kind(folder, p) is not None):
        kind, member = submission_kind(folder, file) or ("", "")
        if sealed is not None and sources[file] != sealed.get(file):
            yield diag("BQ315", file, 1, 1, typo(
                f"« {file.rsplit('/', 1)[-1]} » ajouté ou modifié après la clôture du vote : "
                "il ne sera pas compté"))
        # Only while the vote is open: a sealed decision is judged by the tally against the
        # rules of its opening commit, which a later ``signature: true`` does not change.
        if instance is not None and instance.regles.signature \
                and decision.statut is Statut.OUVERTE \
                and file + SIGNATURE_SUFFIX not in sources:
            yield diag("BQ316", file, 1, 1, typo(
                f"signature « {file.rsplit('/', 1)[-1]}{SIGNATURE_SUFFIX} » absente : "
                f"l'instance exige des {_SIGNED[kind]}"))
        if member not in roster:
            yield diag("BQ309", file, 1, 1, typo(
                f"« {member} » n'est pas membre de l'instance « {decision.instance} »"))
        if kind == BALLOTS:
            yield from ballot_problems(file, sources[file], decision)
        else:
            holder = yield from _proxy(file, sources[file], member, roster)
            if holder is not None:
                holders[member] = (holder, file)
    yield from _cycles(holders)
    for file in sorted(p for p in sources if p.startswith(folder + "/") and p.endswith(
            SIGNATURE_SUFFIX)):
        if sealed is not None and sources[file] != sealed.get(file):
            yield diag("BQ315", file, 1, 1, typo("signature ajoutée ou modifiée après la clôture"))


def _name_variants(folder: str, sources: Mapping[str, bytes]) -> Iterator[Diagnostic]:
    """Files of ``bulletins/`` or ``procurations/`` whose names differ only by case or Unicode
    normalisation: one of them would silently replace or void the other."""
    for kind in (BALLOTS, PROXIES):
        prefix = f"{folder}/{kind}/"
        groups: dict[str, list[str]] = {}
        for path in sorted(p for p in sources if p.startswith(prefix) and "/" not in
                           p[len(prefix):]):
            groups.setdefault(name_key(path[len(prefix):]), []).append(path)
        for paths in groups.values():
            for path in paths[1:]:
                others = ", ".join(f"« {p[len(prefix):]} »" for p in paths if p != path)
                yield diag("BQ318", path, 1, 1, typo(
                    f"« {path[len(prefix):]} » ne diffère de {others} que par la casse ou la "
                    "forme Unicode des caractères : un seul fichier par membre"))


def ballot_problems(path: str, data: bytes, decision: Decision) -> Iterator[Diagnostic]:
    parsed = parse(Bulletin, path, data, code="BQ310", codes={("choix",): "BQ311"})
    yield from parsed.diagnostics
    ballot, located = parsed.record, parsed.located
    if ballot is None or located is None:
        return
    method = decision.methode
    if method is Methode.JUGEMENT_MAJORITAIRE:
        if ballot.mentions is None:
            yield diag("BQ310", path, 1, 1, typo("« mentions: {option: mention} » attendu"))
        for option, mention in (ballot.mentions or {}).items():
            if option not in decision.options:
                yield diag("BQ312", path, *located.at("mentions", option), typo(
                    f"option inconnue « {option} »"))
            elif mention not in decision.mentions:
                yield diag("BQ312", path, *located.at("mentions", option), typo(
                    f"mention « {mention} » hors de l'échelle ({', '.join(decision.mentions)})"))
    elif ballot.choix is None:
        yield diag("BQ310", path, 1, 1, typo("champ « choix » attendu"))
    elif ballot.choix not in _CHOICES[method]:
        allowed = ", ".join(sorted(_CHOICES[method]))
        yield diag("BQ311", path, *located.at("choix"), typo(
            f"choix « {ballot.choix} » inconnu pour la méthode « {method} » (attendu : {allowed})"))
    elif ballot.choix is Choix.OBJECTION and not (ballot.motif or "").strip():
        yield diag("BQ310", path, *located.at("choix"), typo(
            "objection sans motif : ajoutez « motif: … »"), hint=typo(
            "Sous « choix: objection », ajoutez une ligne « motif: » qui dit ce qui "
            "empêche de consentir, ou choisissez « consentement »."))


def _proxy(
    path: str, data: bytes, principal: str, roster: set[str]
) -> Generator[Diagnostic, None, str | None]:
    parsed = parse(Procuration, path, data, code="BQ310")
    yield from parsed.diagnostics
    proxy, located = parsed.record, parsed.located
    if proxy is None or located is None:
        return None
    position = located.at("mandataire")
    if proxy.mandataire == principal:
        yield diag("BQ313", path, *position, "procuration à soi-même")
    elif proxy.mandataire not in roster:
        yield diag("BQ309", path, *position, typo(
            f"le mandataire « {proxy.mandataire} » n'est pas membre de l'instance"))
    return proxy.mandataire


def _cycles(holders: Mapping[str, tuple[str, str]]) -> Iterator[Diagnostic]:
    reported: set[str] = set()
    for start in sorted(holders):
        chain = [start]
        current = holders[start][0]
        while current in holders and current not in chain:
            chain.append(current)
            current = holders[current][0]
        if current == start and len(chain) > 1 and start not in reported:
            reported.update(chain)
            cycle = " → ".join(f"« {m} »" for m in [*chain, start])
            for member in chain:
                yield diag("BQ314", holders[member][1], 1, 1,
                           typo(f"procurations en boucle : {cycle}"))
