"""Scaffolding of a new deployment record: a pure function over the options given."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bouquet.content.layout import DEPLOYMENTS_DIR


@dataclass(frozen=True)
class DeploymentRequest:
    hub: str
    id: str
    module: str
    tiroir: str
    version: str
    today: dt.date


def deployment_path(request: DeploymentRequest) -> str:
    return f"{DEPLOYMENTS_DIR}/{request.hub}/{request.id}.yaml"


def render_deployment(request: DeploymentRequest) -> str:
    """The text of ``deploiements/<hub>/<id>.yaml``: the given fields, the others to fill."""
    return f"""# yaml-language-server: $schema=../../schema/deploiement.schema.json
# Fiche de déploiement : remplacez chaque « À compléter » et supprimez les lignes inutiles.
# Aucune donnée personnelle : seulement des organisations (voir docs/deploiements.md).
id: {request.id}
hub: {request.hub}
module: {request.module}
tiroir: {request.tiroir}
version: {request.version}
statut: prevu
commanditaire:
  type: commune
  nom: "À compléter : nom de l'organisation commanditaire"
  # siren: '000000000'  # obligatoire pour un organisme public (9 chiffres)
territoire:
  communes: []  # codes Insee, ex. '26108'
  epci: []  # SIREN des EPCI
  departements: []  # ex. '26'
  regions: []  # ex. '84'
dates:
  signature: null  # AAAA-MM-JJ
  debut: null  # AAAA-MM-JJ
  fin: null  # AAAA-MM-JJ, obligatoire une fois le déploiement terminé
# montant_ht_eur: 0  # facultatif
financements: []
realisations: []
date_maj: {request.today.isoformat()}
"""
