"""`leaksweep users`: console accounts (viewer or responder) kept in the database."""

from __future__ import annotations

import os

import click

from crawler.cli._context import AppContext

PASSWORD_ENV = "LEAKSWEEP_PASSWORD"


@click.group()
def users() -> None:
    """Accounts of the web console (`leaksweep serve`): viewers read, responders also act."""


@users.command("add")
@click.argument("name")
@click.option(
    "--role", type=click.Choice(["viewer", "responder"]), default="viewer", show_default=True
)
@click.pass_obj
def add(app: AppContext, name: str, role: str) -> None:
    """Create an account, or reset its role and password.

    The password is read from $LEAKSWEEP_PASSWORD, else asked for (not echoed). Only an
    argon2id hash of it is stored.
    """
    from console.users import Role, UserError, add_user

    password = os.environ.get(PASSWORD_ENV) or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    try:
        user = add_user(app.store, name, Role(role), password)
    except UserError as error:
        raise click.UsageError(str(error)) from error
    click.echo(f"{user.name}: {user.role}")


@users.command("list")
@click.pass_obj
def list_command(app: AppContext) -> None:
    """List the accounts and their roles."""
    from console.users import list_users

    for user in list_users(app.store):
        click.echo(f"{user.name}\t{user.role}")


@users.command()
@click.argument("name")
@click.pass_obj
def remove(app: AppContext, name: str) -> None:
    """Delete an account (its actions stay on the alerts' timelines)."""
    from console.users import remove_user

    if not remove_user(app.store, name):
        raise click.UsageError(f"no account named {name!r}")
    click.echo(f"{name} removed")
