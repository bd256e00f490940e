using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Help;
using ScalekitAuth0.Hrd;
using ScalekitAuth0.PowerShellSupport;
using ScalekitAuth0.Scalekit;
using ScalekitAuth0.Text;

namespace ScalekitAuth0.Commands
{
    [CmdletHelp("Adds email domains to a connection's Home Realm Discovery list, and to a Scalekit organization.",
        "Users whose email address ends in one of these domains are sent by Auth0 to the connection (options.domain_aliases). Domains are trimmed, lower-cased, converted to punycode when internationalised, and merged when they repeat; an email address, a URL or a malformed name is an error that names it, and nothing is written for it. A domain that would route everyone (a public mail provider such as gmail.com, an IP address, an all-digit top-level name) is refused unless -Force, and one that mixes look-alike scripts (a Cyrillic 'а' in 'аcme.com') gets a warning. However many domains come down the pipeline, each connection is read once and written once, with its whole options and display name, after every domain has arrived; the connection is then read back and, if a concurrent writer dropped a domain, written again. A domain another connection of the tenant already routes is refused, naming that connection, and a connection holds at most 1000 domains. With -Organization each domain first becomes an ORGANIZATION_DOMAIN of that Scalekit organization, so Scalekit can route the user on to the customer's identity provider; one that Scalekit refuses is not added to Auth0.")]
    [CmdletExample("Get-ScalekitConnection -Name scalekit | Add-HrdDomain -Domain acme.com, acme.co.uk -Organization (New-ScalekitOrganization -DisplayName Acme -ExternalId acme)",
        "Onboards Acme: creates (or finds) its Scalekit organization, registers both domains there, then routes them to the connection.")]
    [CmdletExample("Get-Content domains.txt | Add-HrdDomain -ConnectionName scalekit",
        "Adds every domain listed in a file with one read and one write of the connection.")]
    [CmdletExample("Add-HrdDomain -ConnectionName scalekit -Domain globex.com -Organization globex -WhatIf",
        "Shows what would be added for the organization whose external id is globex, sending no write request.")]
    [Cmdlet(VerbsCommon.Add, "HrdDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ScalekitConnection))]
    public sealed class AddHrdDomainCommand : HrdDomainBatchCmdlet
    {
        private protected override string Accept(string domain) => RoutableDomainInput.Accept(this, domain, nameof(Domain), Force);

        private protected override void Apply(HrdDomainBatch batch)
        {
            var target = HrdWork.Target(batch.ConnectionName);
            var domains = HrdWork.Routable(batch.Domains, target);
            if (domains.Count == 0)
            {
                return;
            }
            // Checked on the listing before anything is written; the editor checks again on the fresh read.
            HrdDomainPlan.Merge(target, HrdDomainChange.Adding(domains));
            var routed = new HashSet<string>(target.DomainAliases.Select(DomainName.Comparable), StringComparer.Ordinal);
            var toRoute = domains.Where(d => !routed.Contains(DomainName.Comparable(d))).ToList();
            var toRegister = Organizations(batch)
                .Select(o => (o.Organization, Domains: Unregistered(o.Organization, o.Domains.Intersect(domains).ToList())))
                .Where(o => o.Domains.Count > 0)
                .ToList();
            if (toRoute.Count == 0 && toRegister.Count == 0)
            {
                WriteVerbose($"Connection '{target.Name}' already routes {ShownText.Few(domains)}{(batch.Organizations.Any() ? ", and the organizations have them" : "")}; nothing to change.");
                WriteObject(ScalekitConnection.From(target, Auth0Tenant));
                return;
            }
            if (!ShouldProcess(HrdWork.Describe(target), Describe(toRoute, toRegister)))
            {
                return;
            }
            foreach (var (organization, unregistered) in toRegister)
            {
                foreach (var refused in Register(organization, unregistered))
                {
                    toRoute.Remove(refused);
                }
            }
            if (toRoute.Count > 0)
            {
                WriteObject(ScalekitConnection.From(HrdWork.Edit(target, HrdDomainChange.Adding(toRoute)).Connection, Auth0Tenant));
            }
        }

        /// <summary>The change in words, for -WhatIf and -Confirm: only what would really change.</summary>
        private static string Describe(IReadOnlyCollection<string> toRoute, IReadOnlyList<(ScalekitOrganization Organization, IReadOnlyList<string> Domains)> toRegister)
        {
            var parts = toRegister.Select(o => $"Register {ShownText.Few(o.Domains)} on Scalekit organization '{o.Organization.DisplayName}'").ToList();
            if (toRoute.Count > 0)
            {
                parts.Add($"Add {toRoute.Count} Home Realm Discovery domain(s): {ShownText.Few(toRoute)}");
            }
            return string.Join("; then ", parts);
        }

        /// <summary>The domains the organization does not have yet (one read of its domains).</summary>
        private IReadOnlyList<string> Unregistered(ScalekitOrganization organization, IReadOnlyList<string> domains)
        {
            var client = ScalekitEnvironment.Client;
            var owned = Run(operation => client.ListOrganizationDomainsAsync(organization.Id, operation)).Select(d => d.Name);
            return domains.Except(owned, StringComparer.Ordinal).ToList();
        }

        /// <summary>Scalekit first: a domain Auth0 sends to Scalekit that Scalekit cannot place fails the user at sign-in.</summary>
        /// <returns>The domains Scalekit refused, each reported.</returns>
        private IReadOnlyCollection<string> Register(ScalekitOrganization organization, IReadOnlyCollection<string> domains)
        {
            var client = ScalekitEnvironment.Client;
            var refusals = Work.RunWithProgress($"Registering domains on Scalekit organization '{organization.DisplayName}'", "domains",
                (operation, progress) => client.RegisterOrganizationDomainsAsync(organization, domains, done => progress(done, domains.Count), operation));
            foreach (var refusal in refusals)
            {
                Report(refusal.Value, refusal.Key);
            }
            return refusals.Keys.ToList();
        }
    }
}
