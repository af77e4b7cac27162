"""Which proxies (procurations) count, and why the others are void."""

from __future__ import annotations

from collections.abc import Iterable

from bouquet.governance.result import Excluded, Proxy


def resolve_proxies(
    roster: set[str], voters: set[str], proxies: Iterable[Proxy], cap: int
) -> tuple[dict[str, str], list[Excluded]]:
    """Return ``{principal: holder}`` for valid proxies, and every void one with its reason.

    Proxies count against a holder's cap in the order they entered history, then file name.
    """
    ordered = sorted(proxies, key=lambda p: (p.order, p.path))
    delegating = {p.principal for p in ordered if p.principal not in voters}
    used: dict[str, int] = {}
    valid: dict[str, str] = {}
    void: list[Excluded] = []
    for proxy in ordered:
        reason = _problem(proxy, roster, voters, delegating)
        if reason is None and used.get(proxy.holder, 0) >= cap:
            reason = (f"plafond atteint : « {proxy.holder} » détient déjà {cap} procuration"
                      f"{'s' if cap > 1 else ''}")
        if reason is not None:
            void.append(Excluded(proxy.path, reason))
            continue
        used[proxy.holder] = used.get(proxy.holder, 0) + 1
        valid[proxy.principal] = proxy.holder
    return valid, void


def _problem(proxy: Proxy, roster: set[str], voters: set[str], delegating: set[str]) -> str | None:
    if proxy.principal not in roster:
        return f"le mandant « {proxy.principal} » n'est pas membre de l'instance"
    if proxy.holder == proxy.principal:
        return "procuration à soi-même"
    if proxy.holder not in roster:
        return f"le mandataire « {proxy.holder} » n'est pas membre de l'instance"
    if proxy.principal in voters:
        return f"« {proxy.principal} » a voté lui-même : sa procuration est caduque"
    if proxy.holder in delegating:
        return (f"sous-délégation interdite : le mandataire « {proxy.holder} » a lui-même "
                "donné procuration")
    if proxy.holder not in voters:
        return f"le mandataire « {proxy.holder} » n'a pas voté"
    return None
