using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ScalekitAuth0.Completion;
using ScalekitAuth0.Integration;
using ScalekitAuth0.PowerShellSupport;

namespace ScalekitAuth0.Commands
{
    /// <summary>
    /// What Enable-ScalekitConnection and Disable-ScalekitConnection share; they differ only in the
    /// status they set. Inputs are collected across the whole pipeline and resolved together at the
    /// end, so one unknown or ambiguous application stops the command before anything is written.
    /// </summary>
    public abstract class ConnectionApplicationsCmdlet : NamedConnectionCmdlet
    {
        private readonly List<Request> _requests = new List<Request>();

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, HelpMessage = "Auth0 applications, by name as shown in the dashboard or by client id. A name two applications share must be given as a client id.")]
        [ArgumentCompleter(typeof(ApplicationCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateText]
        public string[] Application { get; set; } = new string[0];

        [Parameter(HelpMessage = "Writes the connection, with its EnabledClients, to the pipeline.")]
        public SwitchParameter PassThru { get; set; }

        /// <summary>True to turn the connection on for the applications, false to turn it off.</summary>
        protected abstract bool Enable { get; }

        protected override void ProcessRecord()
        {
            var request = _requests.FirstOrDefault(r => r.Id == Id && r.Name == Name);
            if (request is null)
            {
                request = new Request(Id, Name);
                _requests.Add(request);
            }
            request.Applications.AddRange(Application);
        }

        protected override void EndProcessing()
        {
            ApplicationResolution? resolution = null;
            ForEachInput(null, () => resolution = ResolveApplications(_requests.SelectMany(r => r.Applications)));
            if (resolution is null)
            {
                return;
            }
            foreach (var request in _requests)
            {
                ForEachInput(request.Id ?? request.Name, () =>
                {
                    var connection = RequireConnection(request.Id, request.Name);
                    var enabledClients = SetEnabledClients(connection, resolution.For(request.Applications), Enable);
                    if (enabledClients is not null && PassThru)
                    {
                        WriteObject(ScalekitConnection.From(connection, Auth0.Domain, enabledClients));
                    }
                });
            }
        }

        /// <summary>One connection named in the pipeline, and every application named for it.</summary>
        private sealed class Request
        {
            public Request(string? id, string? name)
            {
                Id = id;
                Name = name;
            }

            public string? Id { get; }

            public string? Name { get; }

            public List<string> Applications { get; } = new List<string>();
        }
    }
}
